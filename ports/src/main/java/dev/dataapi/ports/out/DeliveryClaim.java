package dev.dataapi.ports.out;

import dev.dataapi.ports.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * A sender's hold on one attempt of a job's webhook delivery. Only the holder of the current claim
 * may record the attempt's outcome; a sender that crashed mid-attempt loses the claim when the
 * lease lapses and the delivery is attempted again, with the same {@code webhook-id}.
 *
 * @param jobId      the job whose outcome is delivered
 * @param token      unique per claim
 * @param leaseUntil the claim lapses at this instant
 */
public record DeliveryClaim(JobId jobId, String token, Instant leaseUntil) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param jobId      the job whose outcome is delivered
     * @param token      unique per claim
     * @param leaseUntil the claim lapses at this instant
     */
    public DeliveryClaim {
        Objects.requireNonNull(jobId, "'jobId' is required");
        Objects.requireNonNull(token, "'token' is required");
        Objects.requireNonNull(leaseUntil, "'leaseUntil' is required");
    }
}
