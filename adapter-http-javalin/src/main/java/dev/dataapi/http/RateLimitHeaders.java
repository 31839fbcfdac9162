package dev.dataapi.http;

import dev.dataapi.ports.in.Quota;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, -08 and later), in their
 * structured-field form: {@code RateLimit-Policy: "<policy>";q=<quota>;w=<window>} says what the key
 * may send, {@code RateLimit: "<policy>";r=<remaining>;t=<reset>} where it stands now. A client that
 * reads them can slow down before it is refused, instead of learning the limit from a 429.
 */
final class RateLimitHeaders {

    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {
    }

    /** Sets both fields when the key has a quota; a request without one gets neither. */
    static void apply(Context ctx, Optional<Quota> quota) {
        quota.ifPresent(standing -> {
            ctx.header(POLICY, policy(standing));
            ctx.header(LIMIT, limit(standing));
        });
    }

    static String policy(Quota quota) {
        return structuredString(quota.policy()) + ";q=" + quota.quota() + ";w=" + quota.windowSeconds();
    }

    static String limit(Quota quota) {
        return structuredString(quota.policy()) + ";r=" + quota.remaining() + ";t=" + quota.resetSeconds();
    }

    /**
     * An RFC 8941 sf-string: printable ASCII only, with {@code "} and {@code \} escaped. A character the
     * syntax cannot carry becomes {@code ?}, so an odd policy name costs its spelling, never the whole field.
     */
    static String structuredString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
