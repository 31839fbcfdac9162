package dev.dataapi.http;

import io.javalin.http.Context;

import java.io.InputStream;

/**
 * Writes bodies onto a Javalin context with the headers every answer of this API carries. Finished
 * bodies (a sync result, a problem) are complete by the time they get here; a job body is written to
 * the client as it is serialized, after {@link #startJson}.
 */
final class Responses {

    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(Context ctx, int status, byte[] body) {
        common(ctx, status);
        ctx.status(status).contentType(JSON).result(body);
    }

    /**
     * A finished body read from where it was built. No Content-Length is set here: Javalin may still
     * compress the body, and Jetty sets the length itself when the body fits its buffer.
     */
    static void json(Context ctx, int status, InputStream body) {
        common(ctx, status);
        ctx.status(status).contentType(JSON).result(body);
    }

    /** The status and headers of a JSON body the caller then writes to {@code ctx.outputStream()}. */
    static void startJson(Context ctx, int status) {
        common(ctx, status);
        ctx.status(status).contentType(JSON);
    }

    /** A JSON body about the resource at {@code location}, which is sent as {@code Location}. */
    static void jsonAt(Context ctx, int status, String location, byte[] body) {
        ctx.header("Location", location);
        json(ctx, status, body);
    }

    static void problem(Context ctx, Problem problem) {
        String requestId = common(ctx, problem.status());
        problem.retryAfterSeconds().ifPresent(seconds -> ctx.header("Retry-After", seconds));
        problem.allow().ifPresent(allow -> ctx.header("Allow", allow));
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"data-api\"");
        }
        ctx.status(problem.status()).contentType(ProblemJson.CONTENT_TYPE).result(ProblemJson.write(problem, requestId));
    }

    /**
     * Results and errors are per caller and per moment: no cache may keep or share them. The status is
     * also what the audit log records, even if writing the response then fails.
     */
    private static String common(Context ctx, int status) {
        ExchangeAudit.answered(ctx, status);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        return RequestIds.of(ctx);
    }
}
