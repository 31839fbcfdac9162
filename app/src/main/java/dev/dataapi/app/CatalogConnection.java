package dev.dataapi.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.KeyUsageStore;
import dev.dataapi.sql.CatalogMigrations;
import dev.dataapi.sql.JdbcCatalogStore;
import dev.dataapi.sql.JdbcKeyUsageStore;
import dev.dataapi.sql.PostgresSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog a command works on: the very one the server uses, with the server running or not.
 * With {@code DATA_API_DATABASE_URL} set, that PostgreSQL. Otherwise the embedded default's under
 * {@code DATA_API_DATA_DIR}: through the port of the server's running PostgreSQL when there is one,
 * else by starting that PostgreSQL for the command and stopping it when the command closes this
 * (a server started meanwhile waits for it). The schema is migrated first, as the server does.
 */
final class CatalogConnection implements AutoCloseable {
    private static final String EMBEDDED_USER = "postgres";

    private final HikariDataSource pool;
    private final Optional<EmbeddedDatabase> startedHere;
    private final String description;
    private final Duration refresh;

    private CatalogConnection(HikariDataSource pool, Optional<EmbeddedDatabase> startedHere, String description,
                              Duration refresh) {
        this.pool = pool;
        this.startedHere = startedHere;
        this.description = description;
        this.refresh = refresh;
    }

    /**
     * Connects as the configuration in {@code environment} says.
     *
     * @throws ConfigException             when the configuration is invalid
     * @throws StartupException            when the embedded PostgreSQL cannot be started
     * @throws CatalogUnavailableException when the database cannot be reached or migrated
     */
    static CatalogConnection open(Map<String, String> environment) {
        Config config = Config.fromEnvironment(environment);
        if (config.catalogDatabase().isPresent()) {
            PostgresSettings database = config.catalogDatabase().get();
            String user = database.user().isEmpty() ? "" : " as " + database.user();
            return connect(database, Optional.empty(), withoutPassword(database.jdbcUrl()) + user, config);
        }
        Path cluster = EmbeddedDatabase.clusterDirectory(config.dataDir()).toAbsolutePath();
        Optional<Integer> port = OrphanedPostmaster.runningPort(cluster);
        if (port.isPresent()) {
            String url = "jdbc:postgresql://localhost:" + port.get() + "/postgres";
            return connect(PostgresSettings.of(url, EMBEDDED_USER, ""), Optional.empty(),
                    url + " (the embedded PostgreSQL in " + cluster + ", already running)", config);
        }
        String which = EmbeddedDatabase.exists(cluster) ? "the embedded PostgreSQL in " : "a new embedded PostgreSQL in ";
        EmbeddedDatabase database = EmbeddedDatabase.start(cluster);
        try {
            PostgresSettings superuser = database.superuser();
            return connect(superuser, Optional.of(database), superuser.jdbcUrl() + " (" + which + cluster
                    + ", started for this command only)", config);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static CatalogConnection connect(PostgresSettings database, Optional<EmbeddedDatabase> startedHere,
                                             String description, Config config) {
        HikariDataSource pool;
        try {
            pool = DataSources.catalogPool(database);
        } catch (RuntimeException e) {
            throw new CatalogUnavailableException("could not connect to the catalog at " + description + ": " + e.getMessage(), e);
        }
        try {
            CatalogMigrations.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw new CatalogUnavailableException("could not migrate the catalog at " + description + ": " + e.getMessage(), e);
        }
        return new CatalogConnection(pool, startedHere, description, config.catalogRefresh());
    }

    /** A JDBC URL as it may be shown: any password parameter left out. */
    static String withoutPassword(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    CatalogStore store() {
        return new JdbcCatalogStore(pool);
    }

    KeyUsageStore usage() {
        return new JdbcKeyUsageStore(pool);
    }

    /** Which database this is, for people: never a password. */
    String description() {
        return description;
    }

    /** How soon running servers see a change: they reload the catalog this often. */
    Duration refresh() {
        return refresh;
    }

    @Override
    public void close() {
        pool.close();
        startedHere.ifPresent(EmbeddedDatabase::close);
    }
}
