package dev.dataapi.ports;

import java.util.Locale;

/**
 * Where a job is in its life. Consumers see {@code processing} for both queued and running jobs;
 * {@code completed} and {@code failed} are terminal.
 */
public enum JobState {
    /** Waiting for a worker (new, released at shutdown, or its worker's lease ran out). */
    QUEUED,
    /** Claimed by a worker that holds a lease on it. */
    RUNNING,
    /** Finished with a stored result. Terminal. */
    COMPLETED,
    /** Finished with an error message. Terminal. */
    FAILED;

    /**
     * The status the contract shows.
     *
     * @return {@code processing}, {@code completed} or {@code failed}
     */
    public String publicStatus() {
        return isTerminal() ? name().toLowerCase(Locale.ROOT) : "processing";
    }

    /**
     * True for {@code COMPLETED} and {@code FAILED}.
     *
     * @return whether the job has ended
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }
}
