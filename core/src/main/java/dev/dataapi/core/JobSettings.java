package dev.dataapi.core;

import java.time.Duration;
import java.util.Objects;

/**
 * How async jobs are kept and worked on. Validated at construction, then fixed.
 *
 * @param workers       jobs this instance runs at the same time (worker threads), at least 1
 * @param lease         how long a claim holds a job without a heartbeat; a crashed instance's jobs
 *                      are picked up by others this long after its last heartbeat
 * @param maxAttempts   how many times a job is started before an interrupted one is failed, at least 1
 * @param retention     how long a job and its result stay readable after submission
 * @param pollInterval  how often an idle worker looks for jobs submitted on other instances (jobs
 *                      submitted on this instance wake it at once)
 * @param shutdownGrace how long closing waits for running jobs before giving them back to the queue
 */
public record JobSettings(int workers, Duration lease, int maxAttempts, Duration retention, Duration pollInterval,
                          Duration shutdownGrace) {
    private static final Duration SHORTEST_LEASE = Duration.ofMillis(3);

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param workers       jobs this instance runs at the same time (worker threads), at least 1
     * @param lease         how long a claim holds a job without a heartbeat; a crashed instance's jobs are picked up by others this long after its last heartbeat
     * @param maxAttempts   how many times a job is started before an interrupted one is failed, at least 1
     * @param retention     how long a job and its result stay readable after submission
     * @param pollInterval  how often an idle worker looks for jobs submitted on other instances (jobs submitted on this instance wake it at once)
     * @param shutdownGrace how long closing waits for running jobs before giving them back to the queue
     */
    public JobSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("'workers' must be at least 1, got " + workers);
        }
        requireAtLeast("lease", lease, SHORTEST_LEASE);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("'maxAttempts' must be at least 1, got " + maxAttempts);
        }
        requireAtLeast("retention", retention, Duration.ofMillis(1));
        requireAtLeast("pollInterval", pollInterval, Duration.ofMillis(1));
        requireAtLeast("shutdownGrace", shutdownGrace, Duration.ZERO);
    }

    /**
     * 4 workers, 30 s lease, 3 attempts, 24 h retention, 1 s poll interval, 30 s shutdown grace.
     *
     * @return the default settings
     */
    public static JobSettings defaults() {
        return new JobSettings(4, Duration.ofSeconds(30), 3, Duration.ofHours(24), Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    /**
     * How often a running job's lease is renewed: a third of the lease, so two missed beats are survived.
     *
     * @return the heartbeat interval
     */
    public Duration heartbeat() {
        return lease.dividedBy(3);
    }

    /**
     * These settings with another worker count.
     *
     * @param value worker threads, at least 1
     * @return the changed copy
     */
    public JobSettings withWorkers(int value) {
        return new JobSettings(value, lease, maxAttempts, retention, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another lease.
     *
     * @param value how long a claim holds a job without a heartbeat
     * @return the changed copy
     */
    public JobSettings withLease(Duration value) {
        return new JobSettings(workers, value, maxAttempts, retention, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another attempt limit.
     *
     * @param value how many times a job is started, at least 1
     * @return the changed copy
     */
    public JobSettings withMaxAttempts(int value) {
        return new JobSettings(workers, lease, value, retention, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another retention.
     *
     * @param value how long a job stays readable after submission
     * @return the changed copy
     */
    public JobSettings withRetention(Duration value) {
        return new JobSettings(workers, lease, maxAttempts, value, pollInterval, shutdownGrace);
    }

    /**
     * These settings with another poll interval.
     *
     * @param value how often an idle worker looks for jobs submitted elsewhere
     * @return the changed copy
     */
    public JobSettings withPollInterval(Duration value) {
        return new JobSettings(workers, lease, maxAttempts, retention, value, shutdownGrace);
    }

    /**
     * These settings with another shutdown grace.
     *
     * @param value how long closing waits for running jobs
     * @return the changed copy
     */
    public JobSettings withShutdownGrace(Duration value) {
        return new JobSettings(workers, lease, maxAttempts, retention, pollInterval, value);
    }

    private static void requireAtLeast(String field, Duration value, Duration least) {
        Objects.requireNonNull(value, "'" + field + "' is required");
        if (value.compareTo(least) < 0) {
            throw new IllegalArgumentException("'" + field + "' must be at least " + least.toMillis() + " ms, got "
                    + value.toMillis() + " ms");
        }
    }
}
