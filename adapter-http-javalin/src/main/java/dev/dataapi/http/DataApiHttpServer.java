package dev.dataapi.http;

import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.GetJob;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.handler.GracefulHandler;

import java.time.Clock;
import java.util.Objects;

/**
 * The Data API over HTTP: {@code POST /api/v1/data-api/{namespace}/{slug}/execute},
 * {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}}, {@code GET /health/live} and
 * {@code GET /health/ready} (each GET answers HEAD too), on an embedded Jetty through Javalin.
 *
 * <p>Create it with the use cases, {@link #start()} it, and {@link #close()} it to stop: closing stops
 * accepting connections at once and lets requests in flight finish within
 * {@link HttpSettings#shutdownGrace()}.
 */
public final class DataApiHttpServer implements AutoCloseable {

    /**
     * Jetty refuses ambiguous paths by default. These four stay allowed because API paths are
     * split raw and each segment is handed to the use case, which answers 400 after authentication;
     * no path is ever mapped to a file, so ambiguity cannot reach anything else.
     */
    static final UriCompliance URI_COMPLIANCE = UriCompliance.DEFAULT.with("DATA_API",
            UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING);

    private final Javalin app;
    // Volatile so port() never waits behind a close() that is draining requests.
    private volatile boolean started;
    private volatile boolean closed;

    public DataApiHttpServer(ExecuteEndpoint execute, GetJob getJob, CheckReadiness readiness, HttpSettings settings) {
        Objects.requireNonNull(execute, "'execute' is required");
        Objects.requireNonNull(getJob, "'getJob' is required");
        Objects.requireNonNull(readiness, "'readiness' is required");
        Objects.requireNonNull(settings, "'settings' is required");
        AuditLog audit = new AuditLog(Clock.systemUTC());
        ExecuteHandler executeHandler = new ExecuteHandler(execute, new BodyReader(settings.maxBodyBytes()),
                settings.maxResultBytes(), audit);
        JobHandler jobHandler = new JobHandler(getJob, audit);
        HealthHandler health = new HealthHandler(readiness);
        FallbackHandler fallback = new FallbackHandler(audit);
        this.app = Javalin.create(config -> {
            configureServer(config, settings);
            config.routes.before(RequestIds::of);
            // Both catch every path under the prefix; each answers 405 or 404 for a shape that is not its own.
            config.routes.post(ApiPath.ROUTE, executeHandler::handle);
            config.routes.get(ApiPath.ROUTE, jobHandler::handle);
            // Javalin would answer HEAD on a GET route with an empty 200 without running it, skipping authentication.
            config.routes.head(ApiPath.ROUTE, jobHandler::handle);
            config.routes.get(HealthHandler.LIVE, health::live);
            config.routes.get(HealthHandler.READY, health::ready);
            // Javalin's own HEAD answer would lack the headers of GET and never check readiness.
            config.routes.head(HealthHandler.LIVE, health::live);
            config.routes.head(HealthHandler.READY, health::ready);
            config.routes.exception(HttpResponseException.class, fallback::httpResponse);
            config.routes.exception(Exception.class, fallback::unexpected);
        });
    }

    private static void configureServer(JavalinConfig config, HttpSettings settings) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        config.http.prefer405over404 = true;
        // One spelling per resource: "/health/live/" is not "/health/live", and "//" is an empty segment.
        config.router.ignoreTrailingSlashes = false;
        config.router.treatMultipleSlashesAsSingleSlash = false;
        config.router.javaLangErrorHandler(FallbackHandler::error);
        config.jetty.modifyHttpConfiguration(http -> {
            http.setUriCompliance(URI_COMPLIANCE);
            http.setSendServerVersion(false);
            http.setSendXPoweredBy(false);
        });
        config.jetty.modifyServer(server -> {
            server.setStopTimeout(settings.shutdownGrace().toMillis());
            // Without it Jetty's stop does not wait for requests in flight.
            server.insertHandler(new GracefulHandler());
            server.setErrorHandler(new JettyProblemErrorHandler());
        });
    }

    /** Binds and starts serving; returns when the port is open. */
    public synchronized DataApiHttpServer start() {
        if (started) {
            throw new IllegalStateException("the server was already started");
        }
        started = true;
        app.start();
        return this;
    }

    /** The bound port: the configured one, or the one picked for port 0. */
    public int port() {
        if (!started || closed) {
            throw new IllegalStateException("the server is not running");
        }
        return app.port();
    }

    /** Stops accepting connections, waits for requests in flight up to the grace period, then stops. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (started) {
            app.stop();
        }
    }
}
