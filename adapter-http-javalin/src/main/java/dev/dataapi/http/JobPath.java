package dev.dataapi.http;

import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.JobId;

import java.util.Objects;

/**
 * {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}}, segments decoded but not validated.
 *
 * @param namespace the decoded namespace segment, possibly empty or invalid
 * @param slug      the decoded slug segment, possibly empty or invalid
 * @param jobId     the decoded job id segment, possibly empty or malformed
 */
record JobPath(String namespace, String slug, String jobId) implements ApiPath {

    static final String COLLECTION = "jobs";
    // GET routes answer HEAD too.
    static final String ALLOW = "GET, HEAD";

    JobPath {
        Objects.requireNonNull(namespace, "'namespace' is required");
        Objects.requireNonNull(slug, "'slug' is required");
        Objects.requireNonNull(jobId, "'jobId' is required");
    }

    /**
     * Where a job can be polled. Namespace, slug (kebab-case) and job id (hex) never need
     * percent-encoding, so the canonical names go in as they are.
     */
    static String of(EndpointRef endpoint, JobId jobId) {
        return PREFIX + endpoint.namespace() + "/" + endpoint.slug() + "/" + COLLECTION + "/" + jobId.value();
    }

    @Override
    public String allow() {
        return ALLOW;
    }
}
