package dev.dataapi.ports.out;

import dev.dataapi.ports.Job;
import java.util.Objects;

/**
 * A job a worker has just claimed, in state RUNNING, with the claim that lets it finish the job.
 *
 * @param job   the job as stored after the claim
 * @param claim the worker's claim
 */
public record ClaimedJob(Job job, JobClaim claim) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param job   the job as stored after the claim
     * @param claim the worker's claim
     */
    public ClaimedJob {
        Objects.requireNonNull(job, "'job' is required");
        Objects.requireNonNull(claim, "'claim' is required");
    }
}
