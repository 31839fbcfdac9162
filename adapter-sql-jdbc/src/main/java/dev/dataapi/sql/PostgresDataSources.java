package dev.dataapi.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/** Creates the HikariCP pools the adapters run on, so the composition root does not repeat pool setup. */
public final class PostgresDataSources {
    /** The least one fetch of a query pool may hold, however small the heap. */
    public static final long MIN_FETCH_BOUND_BYTES = 64L * 1024 * 1024;

    private PostgresDataSources() {
    }

    /**
     * A started pool. It connects once at creation, so a wrong URL or password fails here rather
     * than on the first request. The caller closes it.
     *
     * <p>A {@link PostgresSettings#readOnly() read-only} pool hands out connections with
     * auto-commit off, so that whatever runs on them runs in a READ ONLY transaction; end it with
     * a rollback (closing the connection rolls back too). Its connections hold at most
     * {@link #fetchBound()} bytes of one fetch in memory; a query one of whose fetches needs more
     * fails (see {@link JdbcQueryExecutor} for how fetches are sized to stay well below it).
     *
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the database cannot be reached
     */
    public static HikariDataSource create(PostgresSettings settings) {
        return create(settings, fetchBound());
    }

    /**
     * The most one fetch of a query pool may hold: a tenth of the heap, at least
     * {@link #MIN_FETCH_BOUND_BYTES}. It is a safety net against one query taking the memory of all;
     * fetches are sized to about 8 MB, so only rows far wider than those before them come near it.
     *
     * @return bytes
     */
    public static long fetchBound() {
        return Math.max(MIN_FETCH_BOUND_BYTES, Runtime.getRuntime().maxMemory() / 10);
    }

    /** As {@link #create(PostgresSettings)}, with the fetch bound of query pools given (tests). */
    static HikariDataSource create(PostgresSettings settings, long fetchBoundBytes) {
        Objects.requireNonNull(settings, "'settings' is required");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setPoolName(settings.poolName());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        if (settings.readOnly()) {
            // Every statement then runs in a transaction pgjdbc opens as BEGIN READ ONLY, at no extra
            // round trip. Not readOnlyMode=always: under it each switch of auto-commit on a read-only
            // connection sends SET SESSION CHARACTERISTICS, one round trip when an execution turns
            // auto-commit off and another when the pool turns it back on.
            config.setReadOnly(true);
            config.setAutoCommit(false);
            config.addDataSourceProperty("readOnlyMode", "transaction");
        }
        if (settings.readOnly()) {
            // A hard bound on what one fetch may hold in memory (FetchSizing keeps fetches well
            // below it): past it the query fails instead of the server running out of memory.
            config.addDataSourceProperty("maxResultBuffer", Long.toString(fetchBoundBytes));
        }
        // Lets operators tell this service's sessions apart in pg_stat_activity.
        config.addDataSourceProperty("ApplicationName", settings.poolName());
        return new HikariDataSource(config);
    }
}
