package dev.dataapi.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/** Creates the HikariCP pools the adapters run on, so the composition root does not repeat pool setup. */
public final class PostgresDataSources {
    /** The most one fetch of a query pool may hold: pgjdbc's {@code maxResultBuffer}. */
    public static final long MAX_FETCH_BYTES = 64L * 1024 * 1024;

    private PostgresDataSources() {
    }

    /**
     * A started pool. It connects once at creation, so a wrong URL or password fails here rather
     * than on the first request. The caller closes it.
     *
     * <p>A {@link PostgresSettings#readOnly() read-only} pool hands out connections with
     * auto-commit off, so that whatever runs on them runs in a READ ONLY transaction; end it with
     * a rollback (closing the connection rolls back too). Its connections hold at most
     * {@link #MAX_FETCH_BYTES} of one fetch in memory; a query whose rows need more fails.
     *
     * @throws com.zaxxer.hikari.pool.HikariPool.PoolInitializationException when the database cannot be reached
     */
    public static HikariDataSource create(PostgresSettings settings) {
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
            config.addDataSourceProperty("maxResultBuffer", Long.toString(MAX_FETCH_BYTES));
        }
        // Lets operators tell this service's sessions apart in pg_stat_activity.
        config.addDataSourceProperty("ApplicationName", settings.poolName());
        return new HikariDataSource(config);
    }
}
