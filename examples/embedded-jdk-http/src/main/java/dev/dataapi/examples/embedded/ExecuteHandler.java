package dev.dataapi.examples.embedded;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/data-api/{namespace}/{slug}/execute} on the JDK's HTTP server: the edge an
 * embedder writes. It only translates: the bearer token, the path and the body go into an
 * {@link ExecuteCommand} unchecked (the core checks them in the contract's order), and the outcome
 * comes back as an {@link Answer}.
 */
final class ExecuteHandler implements HttpHandler {
    /** The context this handler is registered under. */
    static final String PREFIX = "/api/v1/data-api/";
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final String BEARER = "Bearer ";
    private static final Set<String> BODY_FIELDS = Set.of("parameter_values", "callback_url");
    private static final Logger LOG = System.getLogger(ExecuteHandler.class.getName());

    private final ExecuteEndpoint execute;

    ExecuteHandler(ExecuteEndpoint execute) {
        this.execute = execute;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            Answer answer;
            try {
                answer = answer(exchange, requestId);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.ERROR, "request " + requestId + " failed", e);
                answer = Answer.problem(500, "INTERNAL_ERROR", "Something went wrong on our side. Quote the request id"
                        + " when reporting it.", requestId, Map.of());
            }
            send(exchange, answer, requestId);
        }
    }

    private Answer answer(HttpExchange exchange, String requestId) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring(PREFIX.length()).split("/", -1);
        if (path.length != 3 || !path[2].equals("execute")) {
            return Answer.problem(404, "NOT_FOUND", "There is nothing at this address.", requestId, Map.of());
        }
        if (!exchange.getRequestMethod().equals("POST")) {
            return Answer.problem(405, "METHOD_NOT_ALLOWED", "Only POST executes an endpoint.", requestId,
                    Map.of("Allow", "POST"));
        }
        JsonRows rows = new JsonRows();
        ExecuteOutcome outcome = execute.execute(
                new ExecuteCommand(bearerToken(exchange), path[0], path[1], input(exchange.getRequestBody()), requestId),
                rows);
        return Answer.of(outcome, rows, requestId);
    }

    private static Optional<String> bearerToken(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).trim());
    }

    /** The body as the core wants it: read, too large, or unreadable with a reason (answered after authentication). */
    private static ExecuteInput input(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            return new ExecuteInput.TooLarge(MAX_BODY_BYTES);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return ExecuteInput.Parsed.empty();
        }
        Object json;
        try {
            json = JsonReader.read(text);
        } catch (IllegalArgumentException e) {
            return new ExecuteInput.Unreadable("The request body is " + e.getMessage() + ".");
        }
        if (!(json instanceof Map)) {
            return new ExecuteInput.Unreadable("The request body must be a JSON object.");
        }
        Map<?, ?> fields = (Map<?, ?>) json;
        for (Object field : fields.keySet()) {
            if (!BODY_FIELDS.contains(field)) {
                return new ExecuteInput.Unreadable("Unknown field '" + field + "': the body takes parameter_values and"
                        + " callback_url.");
            }
        }
        Object values = fields.get("parameter_values");
        Object callback = fields.get("callback_url");
        if (values != null && !(values instanceof Map)) {
            return new ExecuteInput.Unreadable("parameter_values must be a JSON object.");
        }
        if (callback != null && !(callback instanceof String)) {
            return new ExecuteInput.Unreadable("callback_url must be a string.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> parameterValues = values == null ? Map.of() : (Map<String, Object>) values;
        return new ExecuteInput.Parsed(parameterValues, Optional.ofNullable((String) callback));
    }

    private static void send(HttpExchange exchange, Answer answer, String requestId) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.getResponseHeaders().set("X-Request-Id", requestId);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
    }
}
