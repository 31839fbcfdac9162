package dev.dataapi.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach a PostgreSQL and size a pool for it. The password is never printed.
 *
 * @param jdbcUrl           {@code jdbc:postgresql://host:5432/database}
 * @param user              empty when the URL carries it
 * @param password          empty when the URL carries it or none is needed
 * @param maximumPoolSize   most connections the pool opens (1..1000)
 * @param connectionTimeout how long a caller waits for a free connection before the pool gives up
 *                          (at least 250 ms, HikariCP's floor)
 * @param poolName          names the pool in logs and, as {@code application_name}, in {@code pg_stat_activity}
 * @param readOnly          whether connections start read only (for a query pool; the catalog needs writes)
 */
public record PostgresSettings(String jdbcUrl, String user, String password, int maximumPoolSize,
                               Duration connectionTimeout, String poolName, boolean readOnly) {
    /** Pool size unless {@link #withPool} says otherwise. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Wait for a connection unless {@link #withPool} says otherwise. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration MIN_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    private static final int MAX_POOL_SIZE = 1000;

    public PostgresSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("'jdbcUrl' must start with 'jdbc:postgresql:'");
        }
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
        if (maximumPoolSize < 1 || maximumPoolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("'maximumPoolSize' must be between 1 and " + MAX_POOL_SIZE
                    + ", got " + maximumPoolSize);
        }
        Objects.requireNonNull(connectionTimeout, "'connectionTimeout' is required");
        if (connectionTimeout.compareTo(MIN_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("'connectionTimeout' must be at least " + MIN_CONNECTION_TIMEOUT.toMillis()
                    + " ms, got " + connectionTimeout.toMillis() + " ms");
        }
        if (poolName == null || poolName.isBlank()) {
            throw new IllegalArgumentException("'poolName' must not be empty");
        }
    }

    /** A writable pool named {@code data-api} of {@value #DEFAULT_POOL_SIZE} connections waiting up to 2 s. */
    public static PostgresSettings of(String jdbcUrl, String user, String password) {
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT, "data-api", false);
    }

    /** The same database with another pool name, size and connection wait. */
    public PostgresSettings withPool(String name, int size, Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, size, timeout, name, readOnly);
    }

    /** The same settings with read-only connections by default. */
    public PostgresSettings asReadOnly() {
        return new PostgresSettings(jdbcUrl, user, password, maximumPoolSize, connectionTimeout, poolName, true);
    }

    @Override
    public String toString() {
        return "PostgresSettings[jdbcUrl=" + jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***") + ", user=" + user
                + ", password=" + (password.isEmpty() ? "none" : "***") + ", maximumPoolSize=" + maximumPoolSize
                + ", connectionTimeout=" + connectionTimeout + ", poolName=" + poolName + ", readOnly=" + readOnly + "]";
    }
}
