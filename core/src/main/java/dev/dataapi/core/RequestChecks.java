package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.out.EndpointCatalog;
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
        if (bearerToken.isEmpty() || bearerToken.get().isEmpty()) {
            return Optional.empty();
        }
        String hash = TokenHash.of(bearerToken.get());
        return keys.findByTokenSha256(hash).filter(key -> key.authenticates(hash, now));
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

    /**
     * The active endpoint {@code ref} of the key's company, when the key's namespace scope reaches it.
     * What the key cannot reach is absent, exactly like what does not exist.
     */
    static Optional<Endpoint> reachable(EndpointCatalog endpoints, ApiKey key, EndpointRef ref) {
        if (!key.reaches(ref.namespace())) {
            return Optional.empty();
        }
        return endpoints.findEndpoint(key.company(), ref).filter(Endpoint::active);
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
