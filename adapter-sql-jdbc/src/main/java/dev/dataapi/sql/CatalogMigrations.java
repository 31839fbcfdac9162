package dev.dataapi.sql;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Creates and migrates the catalog schema {@value #SCHEMA} with Flyway. Its history table lives in
 * that schema too, so the catalog can share a database with anything else, including another
 * Flyway-managed schema.
 */
public final class CatalogMigrations {
    /** The schema that holds the catalog. */
    public static final String SCHEMA = "data_api";

    private CatalogMigrations() {
    }

    /**
     * Brings the catalog schema up to date. Safe to call on every start, from several instances at
     * once (Flyway serialises them with a lock).
     *
     * @throws CatalogStoreException when the migration fails
     */
    public static void migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "'dataSource' is required");
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .locations("classpath:db/migration/catalog")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new CatalogStoreException("could not migrate the catalog schema " + SCHEMA + ": " + e.getMessage(), e);
        }
    }
}
