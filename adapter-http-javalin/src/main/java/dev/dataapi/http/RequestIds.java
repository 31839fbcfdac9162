package dev.dataapi.http;

import io.javalin.http.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a response to its log lines: the caller's {@code X-Request-Id} when it is safe to
 * echo (a short token of URL-safe characters), a random UUID otherwise.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";

    private static final String ATTRIBUTE = "dev.dataapi.http.requestId";
    private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

    private RequestIds() {
    }

    /** The request's id, chosen once per request and echoed in the response header. */
    static String of(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String id = choose(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        return id;
    }

    /** The incoming id when valid, else a new one. */
    static String choose(String incoming) {
        if (incoming != null && VALID.matcher(incoming).matches()) {
            return incoming;
        }
        return UUID.randomUUID().toString();
    }
}
