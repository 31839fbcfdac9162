package dev.dataapi.core;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * How idle workers wait: until a job is submitted on this instance, until the poll interval has
 * passed (jobs submitted elsewhere), or until shutdown. A counter of signals, read before looking
 * for work, makes sure a signal sent between "found nothing" and "start waiting" is not lost.
 */
final class WakeUps {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long signals;
    private boolean closed;

    /** The number of signals so far; pass it to {@link #awaitSignalAfter} after looking for work. */
    long signals() {
        lock.lock();
        try {
            return signals;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting worker. */
    void signal() {
        lock.lock();
        try {
            signals++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every waiting worker for good: waits return at once from now on. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a signal after the {@code seen}-th, shutdown, or {@code longest} has passed. */
    void awaitSignalAfter(long seen, Duration longest) {
        waitUntil(() -> signals != seen, longest);
    }

    /** Waits until shutdown or {@code longest} has passed; signals do not end this wait (a back-off). */
    void pause(Duration longest) {
        waitUntil(() -> false, longest);
    }

    private void waitUntil(BooleanSupplier done, Duration longest) {
        lock.lock();
        try {
            long remaining = longest.toNanos();
            while (!closed && !done.getAsBoolean() && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
