package dev.dataapi.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Objects;

/** Creates the HikariCP pools the adapters run on, so the composition root does not repeat pool setup. */
public final class PostgresDataSources {

    private PostgresDataSources() {
    }

    /**
     * A started pool. It connects once at creation, so a wrong URL or password fails here rather
     * than on the first request. The caller closes it.
     *
     * <p>A {@link PostgresSettings#readOnly() read-only} pool hands out connections with
     * auto-commit off, so that whatever runs on them runs in a READ ONLY transaction; end it with
     * a rollback (closing the connection rolls back too).
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
        // Lets operators tell this service's sessions apart in pg_stat_activity.
        config.addDataSourceProperty("ApplicationName", settings.poolName());
        return new HikariDataSource(config);
    }
}
