package dev.dataapi.ports.out;

import dev.dataapi.ports.Job;
import dev.dataapi.ports.in.ResultSource;

/**
 * Writes the body of a job's webhook: the same JSON a consumer gets from
 * {@code GET …/jobs/{job_id}}, plus the endpoint's {@code namespace} and {@code slug}. Thread-safe.
 */
public interface WebhookPayloadEncoder {

    /**
     * The UTF-8 JSON body for {@code job}; {@code result} streams a completed job's stored rows.
     *
     * @param job    the ended job
     * @param result its stored rows, for a completed job
     * @return the body
     * @throws WebhookPayloadTooLarge when the body would exceed the encoder's limit; encoders should
     *                                have one, since the body is held in memory whole
     */
    byte[] encode(Job job, ResultSource result);
}
