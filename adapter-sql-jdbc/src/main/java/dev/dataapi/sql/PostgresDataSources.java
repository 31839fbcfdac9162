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
        config.setReadOnly(settings.readOnly());
        if (settings.readOnly()) {
            // pgjdbc's default mode ignores read-only under auto-commit; "always" makes the session itself read only.
            config.addDataSourceProperty("readOnlyMode", "always");
        }
        // Lets operators tell this service's sessions apart in pg_stat_activity.
        config.addDataSourceProperty("ApplicationName", settings.poolName());
        return new HikariDataSource(config);
    }
}
