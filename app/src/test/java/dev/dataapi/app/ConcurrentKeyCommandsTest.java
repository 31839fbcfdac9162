package dev.dataapi.app;

import static dev.dataapi.app.SharedCatalog.awaitStatus;
import static dev.dataapi.app.SharedCatalog.createKey;
import static dev.dataapi.app.SharedCatalog.env;
import static dev.dataapi.app.SharedCatalog.storedKey;
import static dev.dataapi.app.SharedCatalog.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two key commands on one key at the same time, on the catalog of the shared test server. To make
 * them truly overlap, the test holds the API key table so that both have read the catalog and
 * wait to write; once released, the store decides which write wins, and the other command says so.
 */
class ConcurrentKeyCommandsTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    private final ExecutorService commands = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopCommands() {
        commands.shutdownNow();
    }

    @Test
    @DisplayName("two creates of one id that both found it free: exactly one stores its key, the other exits 1 and"
            + " prints no token")
    void racing_creates_of_one_id() throws Exception {
        String id = unique("raced");
        List<Cli.Run> runs = bothWaiting(() -> create(id), () -> create(id));

        Cli.Run winner = onlyWinner(runs);
        Cli.Run loser = runs.get(runs.get(0) == winner ? 1 : 0);
        assertThat(loser.exitCode()).as(loser.toString()).isEqualTo(1);
        assertThat(loser.err()).contains("Refused: API key '" + id + "' already exists");
        assertThat(loser.out()).doesNotContain("dak_");
        assertThat(storedKey(id).tokenSha256()).isEqualTo(TestServer.sha256(winner.lastLine()));
        assertThat(awaitStatus(winner.lastLine(), 200)).isEqualTo(200);
    }

    @Test
    @DisplayName("two rotations of one key from the same token: one wins, the other exits 1 with no token, and the"
            + " winner's token is the one that works")
    void racing_rotations_of_one_key() throws Exception {
        String id = unique("rotated-twice");
        String original = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id).lastLine();
        List<Cli.Run> runs = bothWaiting(() -> rotate(id), () -> rotate(id));

        Cli.Run winner = onlyWinner(runs);
        Cli.Run loser = runs.get(runs.get(0) == winner ? 1 : 0);
        assertThat(loser.exitCode()).as(loser.toString()).isEqualTo(1);
        assertThat(loser.err()).contains("changed or was revoked while this command ran", "Run the command again");
        assertThat(loser.out()).doesNotContain("dak_");
        ApiKey stored = storedKey(id);
        assertThat(stored.tokenSha256()).isEqualTo(TestServer.sha256(winner.lastLine()));
        assertThat(stored.previousToken().orElseThrow().tokenSha256()).isEqualTo(TestServer.sha256(original));
        assertThat(awaitStatus(winner.lastLine(), 200)).isEqualTo(200);
    }

    @Test
    @DisplayName("a rotation racing a revocation never leaves a working token: the key ends revoked either way")
    void rotation_racing_a_revocation() throws Exception {
        String id = unique("rotate-or-revoke");
        String original = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id).lastLine();
        List<Cli.Run> runs = bothWaiting(() -> rotate(id), () -> Cli.runAlongsideOthers(env(), "keys", "revoke", id));
        Cli.Run rotation = runs.get(0);
        Cli.Run revocation = runs.get(1);

        assertThat(revocation.exitCode()).as(revocation.toString()).isZero();
        assertThat(rotation.exitCode()).as(rotation.toString()).isIn(0, 1);
        assertThat(storedKey(id).revoked()).isTrue();
        assertThat(awaitStatus(original, 401)).isEqualTo(401);
        if (rotation.exitCode() == 0) {
            assertThat(awaitStatus(rotation.lastLine(), 401)).as("the rotated token of a revoked key").isEqualTo(401);
        } else {
            assertThat(rotation.out()).doesNotContain("dak_");
        }
    }

    /** Starts both commands while the key table is held, so both get past their checks before either writes. */
    private List<Cli.Run> bothWaiting(Callable<Cli.Run> first, Callable<Cli.Run> second) throws SQLException, InterruptedException {
        List<Future<Cli.Run>> started;
        try (HeldKeyTable held = HeldKeyTable.hold()) {
            started = List.of(commands.submit(first), commands.submit(second));
            held.awaitWaitingWriters(2, started);
        }
        return List.of(await(started.get(0)), await(started.get(1)));
    }

    /** The one run of {@code runs} that succeeded; fails the test unless exactly one did. */
    private static Cli.Run onlyWinner(List<Cli.Run> runs) {
        assertThat(runs).as(runs.toString()).filteredOn(run -> run.exitCode() == 0).hasSize(1);
        return runs.stream().filter(run -> run.exitCode() == 0).findFirst().orElseThrow();
    }

    private static Cli.Run create(String id) {
        return Cli.runAlongsideOthers(env(), "keys", "create", "--company", "acme", "--permissions", "data_api:execute",
                "--id", id);
    }

    private static Cli.Run rotate(String id) {
        return Cli.runAlongsideOthers(env(), "keys", "rotate", id, "--overlap", "1h");
    }

    private static Cli.Run await(Future<Cli.Run> run) {
        try {
            return run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("the command did not end", e);
        }
    }

    /**
     * The API key table locked EXCLUSIVE in an open transaction: reads go on (a command loads the
     * catalog and checks as usual), every write waits until this is closed.
     */
    private static final class HeldKeyTable implements AutoCloseable {
        // Writers of the commands, not the server's batched last-use updates of the same table.
        private static final String WAITING_WRITERS = "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                + " AND wait_event_type = 'Lock' AND query LIKE '%data_api.api_keys%' AND query NOT LIKE '%last_used_at%'";

        private final Connection connection;

        private HeldKeyTable(Connection connection) {
            this.connection = connection;
        }

        static HeldKeyTable hold() throws SQLException {
            Connection connection = TestServer.get().database().getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LOCK TABLE data_api.api_keys IN EXCLUSIVE MODE");
            }
            return new HeldKeyTable(connection);
        }

        /** Returns once {@code count} writes wait for the table; fails if a command ends first or it takes too long. */
        void awaitWaitingWriters(int count, List<Future<Cli.Run>> commands) throws SQLException, InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            // Another connection: within the holding transaction, pg_stat_activity would not change.
            try (Connection watcher = TestServer.get().database().getConnection();
                 PreparedStatement query = watcher.prepareStatement(WAITING_WRITERS)) {
                while (true) {
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        if (row.getInt(1) >= count) {
                            return;
                        }
                    }
                    for (Future<Cli.Run> command : commands) {
                        if (command.isDone()) {
                            throw new AssertionError("a command ended before writing: " + await(command));
                        }
                    }
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("the commands did not reach their writes");
                    }
                    Thread.sleep(50); // polling another session's state: there is nothing to wait on
                }
            }
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }
}
