package dev.dataapi.ports.out;

import dev.dataapi.ports.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's hold on a running job. Only the holder of the job's current claim may store its
 * result, fail it, renew or release it: a worker whose lease ran out and whose job was claimed
 * again is fenced off by the token.
 *
 * @param jobId      the claimed job
 * @param token      unique per claim
 * @param attempt    which start of the job this is (1 for the first)
 * @param leaseUntil the claim lapses at this instant unless renewed
 */
public record JobClaim(JobId jobId, String token, int attempt, Instant leaseUntil) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param jobId      the claimed job
     * @param token      unique per claim
     * @param attempt    which start of the job this is (1 for the first)
     * @param leaseUntil the claim lapses at this instant unless renewed
     */
    public JobClaim {
        Objects.requireNonNull(jobId, "'jobId' is required");
        Objects.requireNonNull(token, "'token' is required");
        Objects.requireNonNull(leaseUntil, "'leaseUntil' is required");
    }
}
