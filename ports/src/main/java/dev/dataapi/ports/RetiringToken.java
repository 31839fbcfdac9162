package dev.dataapi.ports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A key's previous token after a rotation: it keeps authenticating until {@code until}, so that
 * consumers can switch to the new token without an outage.
 *
 * @param tokenSha256 lower-case hex SHA-256 of the previous token
 * @param tokenPrefix the previous token's display prefix, when known
 * @param until       the first instant at which the previous token no longer authenticates
 */
public record RetiringToken(String tokenSha256, Optional<String> tokenPrefix, Instant until) {
    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param tokenSha256 lower-case hex SHA-256 of the previous token
     * @param tokenPrefix the previous token's display prefix, when known
     * @param until       the first instant at which the previous token no longer authenticates
     */
    public RetiringToken {
        if (tokenSha256 == null || !SHA256_HEX.matcher(tokenSha256).matches()) {
            throw new IllegalArgumentException("'previous_token.token_sha256' must be 64 lower-case hex characters");
        }
        tokenPrefix = Objects.requireNonNullElse(tokenPrefix, Optional.empty());
        Objects.requireNonNull(until, "'previous_token.until' is required");
    }

    /**
     * True while the previous token still authenticates.
     *
     * @param now the time of the request
     * @return whether {@code now} is before {@code until}
     */
    public boolean isUsableAt(Instant now) {
        return now.isBefore(until);
    }
}
