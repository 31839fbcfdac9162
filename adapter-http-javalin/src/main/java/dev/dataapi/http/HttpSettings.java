package dev.dataapi.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens.
 *
 * @param host          the interface to bind, e.g. {@code 0.0.0.0} for all
 * @param port          the port to bind; 0 picks a free one (see {@link DataApiHttpServer#port()})
 * @param maxBodyBytes  the largest request body accepted; larger bodies answer 413
 * @param shutdownGrace how long {@link DataApiHttpServer#close()} lets in-flight requests finish
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration shutdownGrace) {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024L;

    /** The default shutdown grace: long enough for most sync queries to finish. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    // Bodies are buffered in one array, so the limit must fit in one.
    private static final long LARGEST_BODY_LIMIT = Integer.MAX_VALUE - 16L;

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'host' must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_BODY_LIMIT) {
            throw new IllegalArgumentException("'maxBodyBytes' must be between 1 and " + LARGEST_BODY_LIMIT
                    + ", got " + maxBodyBytes);
        }
        Objects.requireNonNull(shutdownGrace, "'shutdownGrace' is required");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("'shutdownGrace' must not be negative, got " + shutdownGrace);
        }
    }

    /** Settings with the default shutdown grace. */
    public HttpSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT_SHUTDOWN_GRACE);
    }

    /** Settings with the default body limit and shutdown grace. */
    public static HttpSettings of(String host, int port) {
        return new HttpSettings(host, port, DEFAULT_MAX_BODY_BYTES);
    }
}
