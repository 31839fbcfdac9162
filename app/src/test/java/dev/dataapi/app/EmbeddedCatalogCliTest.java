package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on the embedded default (no DATA_API_DATABASE_URL): the catalog lives in the
 * PostgreSQL cluster under the data directory, whether a server runs on it or not.
 */
class EmbeddedCatalogCliTest {
    private static final String CATALOG = """
            companies:
              - {id: solo, name: Solo Ltd}
            endpoints:
              - {company: solo, namespace: checks, slug: one, mode: sync, sql: SELECT 1 AS one}
            """;

    @Test
    @DisplayName("a command never creates a catalog: with no cluster in DATA_API_DATA_DIR it exits 1 naming the absolute"
            + " directory and what to do, and creates nothing")
    void a_command_never_creates_a_catalog() {
        String name = "no-catalog-" + UUID.randomUUID();
        Path dataDir = Path.of("").toAbsolutePath().resolve(name);
        Map<String, String> env = Map.of("DATA_API_DATA_DIR", "./" + name + "/../" + name);
        try {
            Cli.Run run = Cli.run(env, "keys", "list");

            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("there is no catalog in " + dataDir.resolve("postgres") + ":",
                    "DATA_API_DATA_DIR " + dataDir + ".", "Start the server there once",
                    "DATA_API_DATABASE_URL", "DATA_API_DATA_DIR (the server's data directory)")
                    .doesNotContain("/./", "/../");
            assertThat(run.out()).isEmpty();
            assertThat(dataDir).doesNotExist();
        } finally {
            deleteRecursively(dataDir);
        }
    }

    @Test
    @DisplayName("with no server running a command starts the embedded PostgreSQL for itself, stops it after, and a"
            + " server started later serves what it wrote; with the server running a command uses the server's")
    void commands_work_with_and_without_a_running_server(@TempDir Path dataDir) throws IOException {
        Map<String, String> env = Map.of("DATA_API_DATA_DIR", dataDir.toString(), "DATA_API_PORT", "0",
                "DATA_API_HOST", "127.0.0.1");
        Path cluster = dataDir.resolve("postgres").toAbsolutePath();
        EmbeddedDatabase.start(cluster).close(); // what the server's first start leaves behind

        Cli.Run apply = Cli.run(env, "catalog", "apply", Files.writeString(dataDir.resolve("catalog.yaml"), CATALOG).toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.err()).containsPattern("Catalog: jdbc:postgresql://localhost:\\d+/postgres\\?user=postgres \\(the"
                + " embedded PostgreSQL in " + Pattern.quote(cluster.toString()) + ", started for this command only\\)");
        assertThat(apply.err()).as("no server runs while the command has the PostgreSQL to itself")
                .contains("No server is running on this catalog").doesNotContain("Running servers");
        assertNoPostmasterOn(cluster);

        Cli.Run created = Cli.run(env, "keys", "create", "--company", "solo", "--permissions", "data_api:execute", "--id", "solo-app");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.err()).contains("(the embedded PostgreSQL in " + cluster + ", started for this command only)")
                .doesNotContain("Running servers");
        assertNoPostmasterOn(cluster);

        String rotatedToken;
        try (Application server = Application.start(Config.fromEnvironment(env))) {
            ApiClient api = new ApiClient("http://localhost:" + server.port());
            assertThat(api.execute("checks", "one", created.lastLine(), null).status()).isEqualTo(200);

            Cli.Run rotated = Cli.run(env, "keys", "rotate", "solo-app", "--overlap", "0");

            assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
            assertThat(rotated.err()).containsPattern("Catalog: jdbc:postgresql://localhost:\\d+/postgres \\(the embedded"
                    + " PostgreSQL in " + Pattern.quote(cluster.toString()) + ", already running\\)");
            assertThat(rotated.err()).contains("Running servers accept it within 2s.");
            rotatedToken = rotated.lastLine();
            assertThat(awaitStatus(api, rotatedToken, 200)).as("the new token, within 5 s with the default refresh")
                    .isEqualTo(200);
            assertThat(awaitStatus(api, created.lastLine(), 401)).isEqualTo(401);
            assertThat(OrphanedPostmaster.runningPort(cluster)).as("the server's PostgreSQL is left running").isPresent();
        }
        assertNoPostmasterOn(cluster);

        Cli.Run listed = Cli.run(env, "keys", "list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.out()).contains("solo-app", rotatedToken.substring(0, 12)).contains("demo-full");
        assertNoPostmasterOn(cluster);
    }

    @Test
    @DisplayName("a PostgreSQL whose owner is alive is waited for, never stopped as if it were orphaned")
    void a_live_owners_postgres_is_never_stopped(@TempDir Path dataDir) throws SQLException {
        Path cluster = dataDir.resolve("postgres").toAbsolutePath();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(cluster)) {
            int port = OrphanedPostmaster.runningPort(cluster).orElseThrow();

            OrphanedPostmaster.stopOrphan(cluster);
            assertThatThrownBy(() -> OrphanedPostmaster.awaitNoOwner(cluster, Instant.now().plusMillis(300),
                    Duration.ofMillis(300)))
                    .isInstanceOf(StartupException.class).hasMessageContaining("is in use by another running server or command");

            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                    "postgres", "")) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
        assertNoPostmasterOn(cluster);
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoPostmasterOn(Path cluster) {
        assertThat(cluster.resolve("postmaster.pid")).doesNotExist();
        assertThat(OrphanedPostmaster.runningPort(cluster)).isEmpty();
        List<ProcessHandle> postgres = ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments().map(args -> String.join(" ", args).contains(cluster.toString()))
                        .orElse(false))
                .toList();
        assertThat(postgres).as("processes running on %s", cluster).isEmpty();
    }

    /** Executes with {@code token} until the status is {@code expected} or 5 s have passed, a tenth of a second apart. */
    private static int awaitStatus(ApiClient api, String token, int expected) {
        return Polls.statusUntil(() -> api.execute("checks", "one", token, null).status(), expected,
                Duration.ofSeconds(5), Duration.ofMillis(100));
    }
}
