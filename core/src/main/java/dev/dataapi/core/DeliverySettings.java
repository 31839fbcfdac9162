package dev.dataapi.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhook deliveries are sent and retried. Validated at construction, then fixed.
 *
 * @param senders       deliveries this instance attempts at the same time (sender threads), at least 1
 * @param lease         how long a claim on one attempt holds; it must outlast the sender's own call
 *                      timeout plus encoding the body, or a slow attempt is taken for a crashed one
 *                      and sent twice (receivers drop the duplicate by its {@code webhook-id})
 * @param retries       the waits between attempts
 * @param jitter        each wait is varied at random by up to this fraction either way (0.1 = ±10%),
 *                      so receivers that came back are not hit by every retry at the same moment;
 *                      from 0 (none) to below 1
 * @param pollInterval  how often an idle sender looks for due deliveries (retries come due with time;
 *                      jobs ending on this instance wake it at once)
 * @param shutdownGrace how long closing waits for attempts in flight
 */
public record DeliverySettings(int senders, Duration lease, RetrySchedule retries, double jitter, Duration pollInterval,
                               Duration shutdownGrace) {
    private static final Duration SHORTEST_LEASE = Duration.ofMillis(3);

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param senders       deliveries this instance attempts at the same time (sender threads), at least 1
     * @param lease         how long a claim on one attempt holds; it must outlast the sender's own call timeout plus encoding the body, or a slow attempt is taken for a crashed one and sent twice (receivers drop the duplicate by its {@code webhook-id})
     * @param retries       the waits between attempts
     * @param jitter        each wait is varied at random by up to this fraction either way (0.1 = ±10%), so receivers that came back are not hit by every retry at the same moment; from 0 (none) to below 1
     * @param pollInterval  how often an idle sender looks for due deliveries (retries come due with time; jobs ending on this instance wake it at once)
     * @param shutdownGrace how long closing waits for attempts in flight
     */
    public DeliverySettings {
        if (senders < 1) {
            throw new IllegalArgumentException("'senders' must be at least 1, got " + senders);
        }
        requireAtLeast("lease", lease, SHORTEST_LEASE);
        Objects.requireNonNull(retries, "'retries' is required");
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("'jitter' must be a fraction from 0 (none) to below 1, got " + jitter);
        }
        requireAtLeast("pollInterval", pollInterval, Duration.ofMillis(1));
        requireAtLeast("shutdownGrace", shutdownGrace, Duration.ZERO);
    }

    /**
     * 2 senders, a 60 s lease (four times a 15 s call timeout), the Standard Webhooks retry schedule
     * {@code 5s,5m,30m,2h,5h,10h,10h}, ±10% jitter, a 1 s poll interval and 30 s of shutdown grace.
     *
     * @return the default settings
     */
    public static DeliverySettings defaults() {
        return new DeliverySettings(2, Duration.ofSeconds(60), RetrySchedule.defaults(), 0.1, Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    /**
     * These settings with another sender count.
     *
     * @param value sender threads, at least 1
     * @return the changed copy
     */
    public DeliverySettings withSenders(int value) {
        return new DeliverySettings(value, lease, retries, jitter, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another lease.
     *
     * @param value how long a claim on one attempt holds
     * @return the changed copy
     */
    public DeliverySettings withLease(Duration value) {
        return new DeliverySettings(senders, value, retries, jitter, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another retry schedule.
     *
     * @param value the waits between attempts
     * @return the changed copy
     */
    public DeliverySettings withRetries(RetrySchedule value) {
        return new DeliverySettings(senders, lease, value, jitter, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another jitter.
     *
     * @param value a fraction from 0 to below 1
     * @return the changed copy
     */
    public DeliverySettings withJitter(double value) {
        return new DeliverySettings(senders, lease, retries, value, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another poll interval.
     *
     * @param value how often an idle sender looks for due deliveries
     * @return the changed copy
     */
    public DeliverySettings withPollInterval(Duration value) {
        return new DeliverySettings(senders, lease, retries, jitter, value, shutdownGrace);
    }

    /**
     * These settings with another shutdown grace.
     *
     * @param value how long closing waits for attempts in flight
     * @return the changed copy
     */
    public DeliverySettings withShutdownGrace(Duration value) {
        return new DeliverySettings(senders, lease, retries, jitter, pollInterval, value);
    }

    private static void requireAtLeast(String field, Duration value, Duration least) {
        Objects.requireNonNull(value, "'" + field + "' is required");
        if (value.compareTo(least) < 0) {
            throw new IllegalArgumentException("'" + field + "' must be at least " + least.toMillis() + " ms, got "
                    + value.toMillis() + " ms");
        }
    }
}
