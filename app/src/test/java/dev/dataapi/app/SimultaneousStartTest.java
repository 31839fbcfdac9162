package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.core.ApiToken;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server and a command starting at the same time on one embedded catalog. Each process takes the
 * cluster's owner lock before its PostgreSQL is up, so for a moment the lock is held and nothing
 * answers yet: here another JVM holds the lock in that state for as long as the test needs, the
 * way a starting (or stopping) server or command does.
 */
class SimultaneousStartTest {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final String SERVER_WAITS = "Waiting for the server or command that runs the PostgreSQL in ";
    private static final String COMMAND_WAITS = "Waiting for the server or command that is starting or stopping the PostgreSQL in ";

    @TempDir
    static Path dataDir;
    private static Path cluster;

    private final ExecutorService commands = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void createTheCluster() {
        cluster = EmbeddedDatabase.clusterDirectory(dataDir);
        // What the server's first start leaves behind: commands never create a cluster.
        EmbeddedDatabase.start(cluster).close();
    }

    @AfterEach
    void stopCommands() {
        commands.shutdownNow();
    }

    @Test
    @DisplayName("a server and a command that start while another process is starting the embedded PostgreSQL both"
            + " wait for it, and then both work: the server serves what the command wrote")
    void server_and_command_starting_together() throws Exception {
        ApiToken token = ApiToken.generate();
        Path file = Files.writeString(dataDir.resolve("race.yaml"), """
                companies:
                  - {id: racer, name: Racer Ltd}
                endpoints:
                  - {company: racer, namespace: checks, slug: one, mode: sync, sql: SELECT 1 AS one}
                api_keys:
                  - {id: racer-app, company: racer, token_sha256: %s, permissions: [data_api:execute]}
                """.formatted(token.sha256()));
        int port = ServerProcess.freePort();

        try (ChildJvm holder = ChildJvm.holdingOwnerLock(cluster.resolve("epg-lock"), dataDir);
             ChildJvm server = ChildJvm.start(Main.class, Map.of("DATA_API_DATA_DIR", dataDir.toString(),
                     "DATA_API_PORT", Integer.toString(port), "DATA_API_HOST", "127.0.0.1"), dataDir.resolve("server.log"))) {
            server.awaitOutput(SERVER_WAITS + cluster, BOUND);
            Cli.Run applied;
            try (Cli.LogCapture logs = Cli.LogCapture.start()) {
                Future<Cli.Run> apply = commands.submit(() -> Cli.run(Map.of("DATA_API_DATA_DIR", dataDir.toString()),
                        "catalog", "apply", file.toString()));
                awaitLogLine(logs, COMMAND_WAITS + cluster, apply);

                holder.finishInput();
                applied = apply.get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }

            assertThat(applied.exitCode()).as(applied.toString()).isZero();
            ApiClient api = new ApiClient("http://127.0.0.1:" + port);
            awaitReady(server, api);
            assertThat(awaitStatus(api, token.token(), 200)).as(server.toString()).isEqualTo(200);
        }
        assertThat(OrphanedPostmaster.runningPort(cluster)).as("the server stopped its PostgreSQL").isEmpty();
    }

    @Test
    @DisplayName("while another process keeps the embedded PostgreSQL from running, a server and a command each wait as"
            + " long as they may, then say which directory is in use and what to do")
    void bounded_waits_end_with_a_clear_message() throws Exception {
        Map<String, String> env = Map.of("DATA_API_DATA_DIR", dataDir.toString());
        try (ChildJvm holder = ChildJvm.holdingOwnerLock(cluster.resolve("epg-lock"), dataDir)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> EmbeddedDatabase.start(cluster, Duration.ofSeconds(1)))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("The embedded PostgreSQL in " + cluster + " is in use by another running server"
                            + " or command, which kept it for all of 1s; stop it, or use another DATA_API_DATA_DIR");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

            started = System.nanoTime();
            assertThatThrownBy(() -> CatalogConnection.open(env, Duration.ofSeconds(1)))
                    .isInstanceOf(CatalogUnavailableException.class)
                    .hasMessageContaining("the embedded PostgreSQL in " + cluster + " belongs to another server or command,"
                            + " which has not let this command use it for all of 1s");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(holder.isAlive()).isTrue();
        }
        assertThat(cluster.resolve("postmaster.pid")).as("nothing was started meanwhile").doesNotExist();
    }

    @Test
    @DisplayName("a command does not use the PostgreSQL another command started for itself, which stops it when it"
            + " ends: it waits for that command, then starts its own")
    void a_command_waits_for_another_commands_postgres() throws Exception {
        Cli.Run listed;
        try (Cli.LogCapture logs = Cli.LogCapture.start()) {
            Future<Cli.Run> list;
            try (EmbeddedDatabase other = EmbeddedDatabase.startForCommand(cluster).orElseThrow()) {
                list = commands.submit(() -> Cli.run(Map.of("DATA_API_DATA_DIR", dataDir.toString()), "keys", "list"));
                awaitLogLine(logs, COMMAND_WAITS + cluster, list);
            }
            listed = list.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        }

        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.err()).contains("(the embedded PostgreSQL in " + cluster + ", started for this command only)");
        assertThat(OrphanedPostmaster.runningPort(cluster)).isEmpty();
    }

    /** Waits until a log line starts with {@code text}; fails when the command ends first or it takes too long. */
    private static void awaitLogLine(Cli.LogCapture logs, String text, Future<Cli.Run> command) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (logs.lines().stream().noneMatch(line -> line.startsWith(text))) {
            if (command.isDone()) {
                throw new AssertionError("the command ended without waiting: " + command.get());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the command did not wait with '" + text + "'");
            }
            Thread.sleep(50); // watching the command's log from another thread: there is nothing to wait on
        }
    }

    private static void awaitReady(ChildJvm server, ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as(server.toString()).isTrue();
            try {
                if (api.send(HttpRequest.newBuilder(URI.create(api.base() + "/health/ready")).build()).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // connection refused while the server starts
            }
            Thread.sleep(100); // waiting for another process to start listening: nothing to synchronise on
        }
        throw new AssertionError("the server did not become ready: " + server);
    }

    /** Executes with {@code token} until the status is {@code expected} or 10 s have passed; returns the last status. */
    private static int awaitStatus(ApiClient api, String token, int expected) {
        return Polls.statusUntil(() -> api.execute("checks", "one", token, null).status(), expected,
                Duration.ofSeconds(10), Duration.ofMillis(100));
    }
}
