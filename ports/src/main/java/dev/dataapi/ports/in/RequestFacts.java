package dev.dataapi.ports.in;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.EndpointRef;
import java.util.Objects;
import java.util.Optional;

/**
 * What a use case learned about a request, for the driving adapter's response headers and audit
 * log: who called (never the token), what they reached and where they stand against their rate
 * limit. Each part is present only when the request got far enough to know it.
 *
 * @param keyId          the authenticated key's id
 * @param company        the key's company
 * @param endpoint       the endpoint resolved for the key
 * @param parametersHash lower-case hex SHA-256 of the effective parameters (the caller's values,
 *                       pins and defaults), so that logs can group identical executions without
 *                       holding the values
 * @param quota          the key's standing against its rate limit, when it has one
 */
public record RequestFacts(Optional<String> keyId, Optional<CompanyId> company, Optional<EndpointRef> endpoint,
                           Optional<String> parametersHash, Optional<Quota> quota) {
    private static final RequestFacts NONE =
            new RequestFacts(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param keyId          the authenticated key's id
     * @param company        the key's company
     * @param endpoint       the endpoint resolved for the key
     * @param parametersHash lower-case hex SHA-256 of the effective parameters (the caller's values, pins and defaults), so that logs can group identical executions without holding the values
     * @param quota          the key's standing against its rate limit, when it has one
     */
    public RequestFacts {
        keyId = Objects.requireNonNullElse(keyId, Optional.empty());
        company = Objects.requireNonNullElse(company, Optional.empty());
        endpoint = Objects.requireNonNullElse(endpoint, Optional.empty());
        parametersHash = Objects.requireNonNullElse(parametersHash, Optional.empty());
        quota = Objects.requireNonNullElse(quota, Optional.empty());
    }

    /**
     * Nothing known: the request was not authenticated.
     *
     * @return facts with every part absent
     */
    public static RequestFacts none() {
        return NONE;
    }

    /**
     * These facts plus the caller's key.
     *
     * @param id        the key's id
     * @param companyId the key's company
     * @return a copy with both
     */
    public RequestFacts withKey(String id, CompanyId companyId) {
        return new RequestFacts(Optional.of(id), Optional.of(companyId), endpoint, parametersHash, quota);
    }

    /**
     * These facts plus the key's quota.
     *
     * @param value the quota, when the key has a rate limit
     * @return a copy with it
     */
    public RequestFacts withQuota(Optional<Quota> value) {
        return new RequestFacts(keyId, company, endpoint, parametersHash, value);
    }

    /**
     * These facts plus the resolved endpoint.
     *
     * @param ref the endpoint's address
     * @return a copy with it
     */
    public RequestFacts withEndpoint(EndpointRef ref) {
        return new RequestFacts(keyId, company, Optional.of(ref), parametersHash, quota);
    }

    /**
     * These facts plus the effective parameters' hash.
     *
     * @param hash lower-case hex SHA-256 of the effective parameters
     * @return a copy with it
     */
    public RequestFacts withParametersHash(String hash) {
        return new RequestFacts(keyId, company, endpoint, Optional.of(hash), quota);
    }
}
