package dev.dataapi.app;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.KeyUsageStore;
import dev.dataapi.sql.CatalogMigrations;
import dev.dataapi.sql.JdbcCatalogStore;
import dev.dataapi.sql.JdbcKeyUsageStore;
import dev.dataapi.sql.PostgresSettings;
import java.io.PrintWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog a command works on: the very one the server uses, with the server running or not.
 * With {@code DATA_API_DATABASE_URL} set, that PostgreSQL. Otherwise the embedded default's under
 * {@code DATA_API_DATA_DIR}, which a server must have created: through the port of the server's
 * running PostgreSQL when there is one, else by starting that PostgreSQL for the command and
 * stopping it when the command closes this (a server started meanwhile waits for it). While another
 * process is starting or stopping it, or another command has it to itself, the command waits. The
 * schema is migrated first, as the server does.
 */
final class CatalogConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogConnection.class);
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
     * @throws CatalogUnavailableException when there is no such catalog, or it cannot be reached or migrated
     */
    static CatalogConnection open(Map<String, String> environment) {
        return open(environment, OrphanedPostmaster.OWNER_WAIT);
    }

    /** As {@link #open(Map)}, waiting at most {@code wait} for another process starting or stopping the embedded PostgreSQL. */
    static CatalogConnection open(Map<String, String> environment, Duration wait) {
        Config config = Config.fromEnvironment(environment);
        if (config.catalogDatabase().isPresent()) {
            PostgresSettings database = config.catalogDatabase().get();
            String user = database.user().isEmpty() ? "" : " as " + database.user();
            return connect(database, Optional.empty(), withoutPassword(database.jdbcUrl()) + user, config);
        }
        return embedded(config, wait);
    }

    private static CatalogConnection embedded(Config config, Duration wait) {
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        Path cluster = EmbeddedDatabase.clusterDirectory(dataDir);
        if (!EmbeddedDatabase.exists(cluster)) {
            // A new cluster would be an empty catalog no server reads: most likely the command runs from the wrong directory.
            throw new CatalogUnavailableException("there is no catalog in " + cluster + ": no server has run with"
                    + " DATA_API_DATA_DIR " + dataDir + ". Start the server there once to create it, or point the"
                    + " command at the server's catalog with DATA_API_DATABASE_URL (an external PostgreSQL) or"
                    + " DATA_API_DATA_DIR (the server's data directory).");
        }
        Instant deadline = Instant.now().plus(wait);
        boolean told = false;
        while (true) {
            Optional<Integer> port = OrphanedPostmaster.runningPort(cluster);
            // Another command's PostgreSQL stops when that command ends, maybe midway through this one: not used.
            if (port.isPresent() && !EmbeddedDatabase.startedByCommand(cluster)) {
                String url = "jdbc:postgresql://localhost:" + port.get() + "/postgres";
                return connect(PostgresSettings.of(url, EMBEDDED_USER, ""), Optional.empty(),
                        url + " (the embedded PostgreSQL in " + cluster + ", already running)", config);
            }
            Optional<EmbeddedDatabase> started = EmbeddedDatabase.startForCommand(cluster);
            if (started.isPresent()) {
                return startedForTheCommand(started.get(), cluster, config);
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new CatalogUnavailableException("the embedded PostgreSQL in " + cluster + " belongs to another"
                        + " server or command, which has not let this command use it for all of "
                        + DurationOption.format(wait) + " (it is starting or stopping it, or another command has it to"
                        + " itself); try again when it has started or ended");
            }
            if (!told) {
                LOG.info("Waiting for the server or command that is starting or stopping the PostgreSQL in {}, or has it"
                        + " to itself", cluster);
                told = true;
            }
            OrphanedPostmaster.pause();
        }
    }

    private static CatalogConnection startedForTheCommand(EmbeddedDatabase database, Path cluster, Config config) {
        try {
            PostgresSettings superuser = database.superuser();
            return connect(superuser, Optional.of(database), superuser.jdbcUrl() + " (the embedded PostgreSQL in "
                    + cluster + ", started for this command only)", config);
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

    /** A JDBC URL as it may be shown: every parameter whose name mentions a password left out. */
    static String withoutPassword(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl;
        }
        String kept = Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .filter(parameter -> !parameter.isEmpty() && !secret(parameter))
                .collect(Collectors.joining("&"));
        return jdbcUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    // password, sslpassword and whatever a driver adds later: by name, in any case or encoding.
    private static boolean secret(String parameter) {
        String name = parameter.split("=", 2)[0];
        try {
            name = URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // Not valid percent-encoding: the name as written is all there is to judge.
        }
        return name.toLowerCase(Locale.ROOT).contains("password");
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

    /**
     * Says on {@code err} when running servers act on the change, {@code seeIt} being what they do
     * ("see the changes", "refuse it"): within the refresh interval when servers may be running on
     * this catalog. With its PostgreSQL started for this command, none is.
     */
    void tellServers(PrintWriter err, String seeIt) {
        if (startedHere.isPresent()) {
            err.println("No server is running on this catalog; a server started on it uses the change from the start.");
        } else {
            err.println("Running servers " + seeIt + " within " + DurationOption.format(refresh) + ".");
        }
    }

    @Override
    public void close() {
        pool.close();
        startedHere.ifPresent(EmbeddedDatabase::close);
    }
}
