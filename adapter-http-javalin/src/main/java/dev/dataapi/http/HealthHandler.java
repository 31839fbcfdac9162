package dev.dataapi.http;

import dev.dataapi.ports.in.CheckReadiness;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** {@code GET /health/live} and {@code GET /health/ready}, for load balancers and orchestrators. */
final class HealthHandler {

    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";

    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    private final CheckReadiness readiness;

    HealthHandler(CheckReadiness readiness) {
        this.readiness = Objects.requireNonNull(readiness, "'readiness' is required");
    }

    /** The process answers: nothing else is checked, so a slow dependency never gets it restarted. */
    void live(Context ctx) {
        Responses.json(ctx, 200, UP);
    }

    void ready(Context ctx) {
        boolean ready = check(ctx);
        Responses.json(ctx, ready ? 200 : 503, ready ? UP : DOWN);
    }

    private boolean check(Context ctx) {
        try {
            return readiness.isReady();
        } catch (RuntimeException e) {
            // A failing check means "not ready", not a 500 that monitors would read differently.
            LOG.warn("request {}: the readiness check failed", RequestIds.of(ctx), e);
            return false;
        }
    }
}
