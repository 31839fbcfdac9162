package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.out.ApiKeyLookup;
import java.time.Instant;
import java.util.Optional;

/**
 * The first checks every request to an endpoint's path goes through, shared by the use cases so
 * that executing and reading a job answer a missing key or a bad path in exactly the same words.
 */
final class RequestChecks {
    static final String UNAUTHORIZED_DETAIL =
            "A valid API key is required: send it as 'Authorization: Bearer <token>'.";

    private RequestChecks() {
    }

    /** The usable key the token belongs to; empty for a missing, empty, unknown, revoked or expired one. */
    static Optional<ApiKey> authenticate(ApiKeyLookup keys, Optional<String> bearerToken, Instant now) {
        return bearerToken
                .filter(token -> !token.isEmpty())
                .flatMap(token -> keys.findByTokenSha256(TokenHash.of(token)))
                .filter(key -> key.isUsableAt(now));
    }

    /** What is wrong with the path's namespace and slug, when anything is. */
    static Optional<String> pathProblem(String namespace, String slug) {
        boolean namespaceOk = Names.isKebabCase(namespace);
        boolean slugOk = Names.isKebabCase(slug);
        if (namespaceOk && slugOk) {
            return Optional.empty();
        }
        String fields = !namespaceOk && !slugOk ? "'namespace' and 'slug' are" : !namespaceOk ? "'namespace' is" : "'slug' is";
        return Optional.of(fields + " missing or not kebab-case");
    }

    /** The one answer for an endpoint that is missing, inactive or another company's. */
    static String endpointNotFound(Object ref) {
        return "There is no endpoint '" + ref + "' for this API key.";
    }

    /** The answer for a key without {@code permission}. */
    static String forbidden(String permission) {
        return "This API key lacks the '" + permission + "' permission.";
    }
}
