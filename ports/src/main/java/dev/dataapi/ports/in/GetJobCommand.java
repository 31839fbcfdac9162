package dev.dataapi.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to read a job, exactly as the consumer sent it: nothing here has been checked.
 *
 * @param bearerToken the token from {@code Authorization: Bearer …}, when the header had one
 * @param namespace   the path's namespace, possibly empty or invalid
 * @param slug        the path's slug, possibly empty or invalid
 * @param jobId       the path's job id, possibly malformed
 * @param requestId   correlates logs with the response
 */
public record GetJobCommand(Optional<String> bearerToken, String namespace, String slug, String jobId, String requestId) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param bearerToken the token from {@code Authorization: Bearer …}, when the header had one
     * @param namespace   the path's namespace, possibly empty or invalid
     * @param slug        the path's slug, possibly empty or invalid
     * @param jobId       the path's job id, possibly malformed
     * @param requestId   correlates logs with the response
     */
    public GetJobCommand {
        bearerToken = Objects.requireNonNullElse(bearerToken, Optional.empty());
        namespace = Objects.requireNonNullElse(namespace, "");
        slug = Objects.requireNonNullElse(slug, "");
        jobId = Objects.requireNonNullElse(jobId, "");
        Objects.requireNonNull(requestId, "'requestId' is required");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "GetJobCommand[namespace=" + namespace + ", slug=" + slug + ", jobId=" + jobId + ", requestId=" + requestId + "]";
    }
}
