package dev.dataapi.ports.out;

import dev.dataapi.ports.Job;
import java.util.Objects;

/**
 * A due webhook delivery a sender has just claimed.
 *
 * @param job   the ended job whose outcome to deliver, its callback pending
 * @param claim the sender's claim on this attempt
 */
public record ClaimedDelivery(Job job, DeliveryClaim claim) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param job   the ended job whose outcome to deliver, its callback pending
     * @param claim the sender's claim on this attempt
     */
    public ClaimedDelivery {
        Objects.requireNonNull(job, "'job' is required");
        Objects.requireNonNull(claim, "'claim' is required");
    }
}
