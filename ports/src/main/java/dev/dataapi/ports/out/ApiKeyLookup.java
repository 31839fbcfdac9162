package dev.dataapi.ports.out;

import dev.dataapi.ports.ApiKey;
import java.util.Optional;

/**
 * Finds an API key by the SHA-256 of its token, so that tokens never need to be stored.
 * Implementations are thread-safe and fast: they are called on every request.
 */
public interface ApiKeyLookup {

    /**
     * The key whose current or previous token hashes to {@code tokenSha256} (lower-case hex),
     * revoked or expired keys included: {@link ApiKey#authenticates} decides whether it may be used.
     *
     * @param tokenSha256 lower-case hex SHA-256 of the presented token
     * @return the key, or empty when no key has such a token
     */
    Optional<ApiKey> findByTokenSha256(String tokenSha256);
}
