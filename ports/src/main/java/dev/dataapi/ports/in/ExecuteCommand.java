package dev.dataapi.ports.in;

import java.util.Objects;
import java.util.Optional;

/**
 * A request to run an endpoint, exactly as the consumer sent it: nothing here has been checked.
 *
 * @param bearerToken the token from {@code Authorization: Bearer …}, when the header had one
 * @param namespace   the path's namespace, possibly empty or invalid
 * @param slug        the path's slug, possibly empty or invalid
 * @param input       the body
 * @param requestId   correlates logs with the response
 */
public record ExecuteCommand(Optional<String> bearerToken, String namespace, String slug, ExecuteInput input,
                             String requestId) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param bearerToken the token from {@code Authorization: Bearer …}, when the header had one
     * @param namespace   the path's namespace, possibly empty or invalid
     * @param slug        the path's slug, possibly empty or invalid
     * @param input       the body
     * @param requestId   correlates logs with the response
     */
    public ExecuteCommand {
        bearerToken = Objects.requireNonNullElse(bearerToken, Optional.empty());
        namespace = Objects.requireNonNullElse(namespace, "");
        slug = Objects.requireNonNullElse(slug, "");
        Objects.requireNonNull(input, "'input' is required");
        Objects.requireNonNull(requestId, "'requestId' is required");
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ExecuteCommand[namespace=" + namespace + ", slug=" + slug + ", requestId=" + requestId + "]";
    }
}
