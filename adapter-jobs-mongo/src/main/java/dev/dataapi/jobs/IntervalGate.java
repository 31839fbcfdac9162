package dev.dataapi.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lets one caller through per interval, by the callers' clock, for housekeeping that every claiming
 * worker could run but that once per interval does well enough. Thread-safe.
 */
final class IntervalGate {
    private final long intervalMillis;
    private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE / 2);

    IntervalGate(Duration interval) {
        this.intervalMillis = interval.toMillis();
    }

    /** True for one caller per interval; a clock that went back starts a new interval. */
    boolean tryPass(Instant now) {
        long nowMillis = now.toEpochMilli();
        long last = lastMillis.get();
        boolean due = nowMillis >= last + intervalMillis || nowMillis < last;
        return due && lastMillis.compareAndSet(last, nowMillis);
    }
}
