package dev.dataapi.core;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of threads that each repeat one step until closed: the shape job workers and
 * webhook senders share. Anything a step throws is logged and the loop goes on after a pause: each
 * loop is submitted once, so a thread that left it would be gone for good while the instance still
 * looked healthy.
 */
final class PollingThreads {
    private final String plural;
    private final String singular;
    private final int count;
    private final Duration pause;
    private final Logger log;
    private final ExecutorService pool;
    private final WakeUps wakeUps = new WakeUps();
    private final Object lifecycle = new Object();
    private boolean started;
    private volatile boolean stopping;

    /**
     * @param plural       what the threads are, for messages ("job workers")
     * @param singular     one of them ("job worker")
     * @param threadPrefix thread names, numbered from 1
     * @param count        how many threads
     * @param pause        how long a loop waits after an unexpected failure
     * @param log          the owner's logger
     */
    PollingThreads(String plural, String singular, String threadPrefix, int count, Duration pause, Logger log) {
        this.plural = plural;
        this.singular = singular;
        this.count = count;
        this.pause = pause;
        this.log = log;
        this.pool = Executors.newFixedThreadPool(count, DaemonThreads.named(threadPrefix));
    }

    /** Starts the threads, each repeating {@code step}; once only, and not after closing. */
    void start(Runnable step) {
        synchronized (lifecycle) {
            if (started || stopping) {
                throw new IllegalStateException(plural + " can be started once, before they are closed");
            }
            started = true;
            for (int i = 0; i < count; i++) {
                pool.execute(() -> loop(step));
            }
        }
    }

    /** Signals and waits that steps use to sleep until work arrives or the threads stop. */
    WakeUps wakeUps() {
        return wakeUps;
    }

    /** True once closing began: steps should take no new work. */
    boolean stopping() {
        return stopping;
    }

    /** Stops the loops from taking new work; false when that already happened (closing is idempotent). */
    boolean beginStop() {
        synchronized (lifecycle) {
            if (stopping) {
                return false;
            }
            stopping = true;
        }
        wakeUps.close();
        pool.shutdown();
        return true;
    }

    /** Waits up to {@code grace} for the steps under way to end; false when some are still running. */
    boolean awaitStop(Duration grace) {
        try {
            return pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Interrupts the steps still running. */
    void abort() {
        pool.shutdownNow();
    }

    private void loop(Runnable step) {
        while (!stopping) {
            try {
                step.run();
            } catch (Throwable e) {
                log.log(Level.ERROR, singular + ": unexpected failure; going on after " + Seconds.of(pause) + " s",
                        LogText.fault(e));
                wakeUps.pause(pause);
            }
        }
    }
}
