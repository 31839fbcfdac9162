package dev.dataapi.http;

import java.util.Optional;

/**
 * Reads the token from an {@code Authorization} header. Anything that is not a bearer credential
 * yields no token; the use case answers 401 for that exactly as for an unknown token, so a caller
 * learns nothing from the difference.
 */
final class BearerToken {

    private static final String SCHEME = "bearer";

    private BearerToken() {
    }

    static Optional<String> from(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return Optional.empty();
        }
        String token = header.substring(space + 1).strip();
        // A token never contains whitespace (RFC 6750 token68); "Bearer a b" is malformed.
        if (token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
