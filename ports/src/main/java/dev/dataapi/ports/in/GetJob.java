package dev.dataapi.ports.in;

/**
 * The use case behind {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}}: authenticate,
 * check the path and the {@code data_api:get_job} permission, resolve the endpoint within the
 * caller's company, then find the job. A job is visible only to keys of its company whose share
 * context equals the one it ran under, and only under its own endpoint's path; every other case
 * answers exactly like an unknown id. Thread-safe.
 */
public interface GetJob {

    /**
     * Reads the job; never throws for a consumer's mistake.
     *
     * @param command the request as the consumer sent it
     * @return the job, or why it is not shown
     */
    GetJobOutcome get(GetJobCommand command);
}
