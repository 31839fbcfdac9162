package dev.dataapi.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How the HTTP server listens.
 *
 * @param host           the interface to bind, e.g. {@code 0.0.0.0} for all
 * @param port           the port to bind; 0 picks a free one (see {@link DataApiHttpServer#port()})
 * @param maxBodyBytes   the largest request body accepted; larger bodies answer 413
 * @param shutdownGrace  how long {@link DataApiHttpServer#close()} lets in-flight requests finish
 * @param maxResultBytes the largest sync result body; a larger result answers 500 {@code RESULT_TOO_LARGE}.
 *                       Sync bodies are held in memory until the query has released its connection, so this
 *                       bounds the memory one request can take. Job results are streamed and not bounded.
 */
public record HttpSettings(String host, int port, long maxBodyBytes, Duration shutdownGrace, long maxResultBytes) {

    /** The default body limit: 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024L;

    /** The default shutdown grace: long enough for most sync queries to finish. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

    /** The default sync result limit: 64 MiB, room for 10,000 rows of about 6 KiB each. */
    public static final long DEFAULT_MAX_RESULT_BYTES = 64L * 1024L * 1024L;

    // Bodies and results are buffered in one array each, so a limit must fit in one.
    private static final long LARGEST_LIMIT = Integer.MAX_VALUE - 16L;

    public HttpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("'host' must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("'port' must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_LIMIT) {
            throw new IllegalArgumentException("'maxBodyBytes' must be between 1 and " + LARGEST_LIMIT
                    + ", got " + maxBodyBytes);
        }
        Objects.requireNonNull(shutdownGrace, "'shutdownGrace' is required");
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("'shutdownGrace' must not be negative, got " + shutdownGrace);
        }
        if (maxResultBytes < 1 || maxResultBytes > LARGEST_LIMIT) {
            throw new IllegalArgumentException("'maxResultBytes' must be between 1 and " + LARGEST_LIMIT
                    + ", got " + maxResultBytes);
        }
    }

    /** Settings with the default result limit. */
    public HttpSettings(String host, int port, long maxBodyBytes, Duration shutdownGrace) {
        this(host, port, maxBodyBytes, shutdownGrace, DEFAULT_MAX_RESULT_BYTES);
    }

    /** Settings with the default shutdown grace and result limit. */
    public HttpSettings(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT_SHUTDOWN_GRACE);
    }

    /** Settings with the default body limit, shutdown grace and result limit. */
    public static HttpSettings of(String host, int port) {
        return new HttpSettings(host, port, DEFAULT_MAX_BODY_BYTES);
    }
}
