package dev.dataapi.http;

import io.javalin.http.Context;

/**
 * Writes finished bodies onto a Javalin context with the headers every answer of this API carries.
 * Bodies are complete byte arrays by the time they get here: nothing is serialized while the client
 * is being written to.
 */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(Context ctx, int status, byte[] body) {
        common(ctx);
        ctx.status(status).contentType(JSON).result(body);
    }

    /** A JSON body about the resource at {@code location}, which is sent as {@code Location}. */
    static void jsonAt(Context ctx, int status, String location, byte[] body) {
        ctx.header("Location", location);
        json(ctx, status, body);
    }

    static void problem(Context ctx, Problem problem) {
        String requestId = common(ctx);
        problem.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", seconds));
        problem.allow().ifPresent(allow -> ctx.header("Allow", allow));
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"data-api\"");
        }
        ctx.status(problem.status()).contentType(ProblemJson.CONTENT_TYPE).result(ProblemJson.write(problem, requestId));
    }

    /** Results and errors are per caller and per moment: no cache may keep or share them. */
    private static String common(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        return RequestIds.of(ctx);
    }
}
