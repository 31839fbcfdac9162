package dev.dataapi.http;

import io.javalin.http.Context;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the token from an {@code Authorization} header. Anything that is not a bearer credential
 * yields no token; the use case answers 401 for that exactly as for an unknown token, so a caller
 * learns nothing from the difference.
 */
final class BearerToken {

    static final String HEADER = "Authorization";

    private static final String SCHEME = "bearer";

    private BearerToken() {
    }

    /**
     * The token of the request's one {@code Authorization} header. A request with several has none:
     * which of them a proxy, a log or this server would read is anyone's guess, and a valid key next
     * to a bogus one must not authenticate.
     */
    static Optional<String> of(Context ctx) {
        List<String> headers = Collections.list(ctx.req().getHeaders(HEADER));
        return headers.size() == 1 ? from(headers.get(0)) : Optional.empty();
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
