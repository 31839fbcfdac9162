package dev.dataapi.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Answers what no route answers: unknown paths (404), known paths with another method (405, with
 * {@code Allow}), and failures nobody expected (500, logged with the request id, never described to
 * the caller). A request under the API prefix that no route took is still audited as the execute
 * (POST) or job read (GET, HEAD) it tried to be.
 */
final class FallbackHandler {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackHandler.class);
    // Where Javalin's router lists the methods a path does have, when it refuses one with 405.
    private static final String AVAILABLE_METHODS = "availableMethods";

    private final AuditLog audit;

    FallbackHandler(AuditLog audit) {
        this.audit = Objects.requireNonNull(audit, "'audit' is required");
    }

    void httpResponse(HttpResponseException e, Context ctx) {
        RequestIds.of(ctx);
        AuditAction.of(ctx.method().name(), ctx.path()).ifPresent(action -> audit.begin(ctx, action));
        boolean apiPath = ctx.path().startsWith(ApiPath.PREFIX);
        if (apiPath && (e.getStatus() == 404 || e.getStatus() == 405)) {
            // The router knows both API routes match the prefix, not which shape this path has.
            Responses.problem(ctx, ProblemResponses.forUnservedPath(ctx.method().name(), ctx.path(),
                    ApiPath.parse(ctx.path())));
        } else if (e.getStatus() == 405) {
            Responses.problem(ctx, ProblemResponses.methodNotAllowed(ctx.method().name(), allow(e)));
        } else if (e.getStatus() == 404) {
            Responses.problem(ctx, ProblemResponses.notFound(ctx.method().name(), ctx.path()));
        } else {
            Responses.problem(ctx, ProblemResponses.forHttpStatus(e.getStatus()));
        }
    }

    void unexpected(Exception e, Context ctx) {
        LOG.error("request {}: {} {} failed", RequestIds.of(ctx), ctx.method().name(), ctx.path(), e);
        Responses.problem(ctx, ProblemResponses.internalError());
    }

    /** Errors (out of memory, stack overflow) bypass the exception handlers; still answer in our format. */
    static void error(HttpServletResponse response, Error error) {
        String requestId = RequestIds.choose(response.getHeader(RequestIds.HEADER));
        LOG.error("request {}: failed with {}", requestId, error.getClass().getName(), error);
        if (response.isCommitted()) {
            return;
        }
        try {
            response.reset();
            response.setStatus(500);
            response.setHeader(RequestIds.HEADER, requestId);
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setContentType(ProblemJson.CONTENT_TYPE);
            response.getOutputStream().write(ProblemJson.write(ProblemResponses.internalError(), requestId));
        } catch (IOException | RuntimeException writeFailure) {
            LOG.debug("request {}: could not write the error response", requestId, writeFailure);
        }
    }

    /** Javalin lists GET routes only; they answer HEAD too, so {@code Allow} says so. */
    static String allow(HttpResponseException e) {
        String listed = e.getDetails().getOrDefault(AVAILABLE_METHODS, "");
        List<String> methods = new ArrayList<>();
        Arrays.stream(listed.split(",")).map(String::strip).filter(m -> !m.isEmpty()).forEach(methods::add);
        if (methods.contains("GET") && !methods.contains("HEAD")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }
}
