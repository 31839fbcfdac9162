package dev.dataapi.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.sql.PostgresDataSources;
import dev.dataapi.sql.PostgresSettings;
import java.time.Duration;

/**
 * The two connection pools. They are separate so that queries can never starve catalog reloads,
 * and so that queries can run as a role that may only read.
 */
final class DataSources {
    private static final int CATALOG_POOL_SIZE = 3;
    private static final Duration CATALOG_POOL_WAIT = Duration.ofSeconds(10);

    private DataSources() {
    }

    static HikariDataSource catalogPool(PostgresSettings database) {
        return PostgresDataSources.create(database.withPool("data-api-catalog", CATALOG_POOL_SIZE, CATALOG_POOL_WAIT));
    }

    static HikariDataSource queryPool(PostgresSettings database, int size, Duration wait) {
        return PostgresDataSources.create(database.withPool("data-api-query", size, wait).asReadOnly());
    }
}
