package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.sha256Hex;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * A token hash names one key only, as its current or its previous token, whoever writes the table:
 * otherwise a token could authenticate as whichever of two keys the server happened to find.
 */
class ApiKeyTokenHashesTest {
    private static final Instant OVERLAP_END = Instant.parse("2026-07-01T00:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final DataSource database = EmbeddedPostgresSupport.dataSource();
    private final JdbcCatalogStore store = new JdbcCatalogStore(database);
    private final String company = unique("co");

    @Test
    void given_a_stored_key_when_another_key_takes_its_token_as_previous_token_then_refused_and_nothing_is_stored() {
        ApiKey stored = aKey().withId(unique("stored")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(stored)));
        ApiKey innocent = aKey().withId(unique("innocent")).withCompany(company).withToken(unique("token")).build();
        ApiKey taking = aKey().withId(unique("taking")).withCompany(company).build()
                .withToken(sha256Hex(unique("token")), Optional.empty(), retiring(stored.tokenSha256()));

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(innocent, taking))))
                .isInstanceOf(CatalogStoreException.class)
                .hasMessageContaining("api key " + taking.id())
                .satisfies(e -> assertRefusedBy(e.getCause(), "api_keys_token_sha256_distinct"));
        assertThat(store.load().apiKeys()).noneMatch(key -> key.id().equals(innocent.id()));
    }

    @Test
    void given_a_key_taking_another_keys_token_when_refused_then_the_message_names_the_constraint_not_the_hash() {
        ApiKey stored = aKey().withId(unique("stored")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(stored)));
        ApiKey copy = aKey().withId(unique("copy")).withCompany(company).withTokenSha256(stored.tokenSha256()).build();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(copy))))
                .isInstanceOf(CatalogStoreException.class)
                .hasMessageContaining("api key " + copy.id())
                .hasMessageContaining("api_keys_token_sha256_unique")
                .hasMessageContaining("23505")
                .hasMessageNotContaining(stored.tokenSha256());
    }

    @Test
    void given_a_stored_rotated_key_when_another_key_takes_its_previous_token_as_current_then_refused() {
        String previous = sha256Hex(unique("previous"));
        ApiKey rotated = aKey().withId(unique("rotated")).withCompany(company).build()
                .withToken(sha256Hex(unique("token")), Optional.empty(), retiring(previous));
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(rotated)));
        ApiKey taking = aKey().withId(unique("taking")).withCompany(company).withTokenSha256(previous).build();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(taking))))
                .isInstanceOf(CatalogStoreException.class)
                .satisfies(e -> assertRefusedBy(e.getCause(), "api_keys_token_sha256_distinct"));
    }

    @Test
    void given_a_stored_rotated_key_when_another_key_gets_the_same_previous_token_then_refused() {
        String previous = sha256Hex(unique("previous"));
        ApiKey first = aKey().withId(unique("first")).withCompany(company).build()
                .withToken(sha256Hex(unique("token")), Optional.empty(), retiring(previous));
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(first)));
        ApiKey second = aKey().withId(unique("second")).withCompany(company).build()
                .withToken(sha256Hex(unique("token")), Optional.empty(), retiring(previous));

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(second))))
                .isInstanceOf(CatalogStoreException.class)
                .satisfies(e -> assertRefusedBy(e.getCause(), "api_keys_previous_token_sha256_unique"));
    }

    @Test
    void given_a_rotated_key_when_rotated_back_to_its_previous_token_then_it_is_stored() {
        String first = sha256Hex(unique("first"));
        String second = sha256Hex(unique("second"));
        ApiKey rotated = aKey().withId(unique("key")).withCompany(company).build()
                .withToken(second, Optional.empty(), retiring(first));
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(rotated)));
        ApiKey rolledBack = rotated.withToken(first, Optional.empty(), retiring(second));

        // A file cannot do this (its token would read as written before the rotation); a rotation can.
        boolean rotatedBack = store.rotateToken(rotated.id(), second, first, Optional.empty(), retiring(second));

        assertThat(rotatedBack).isTrue();
        assertThat(store.load().apiKeys()).contains(rolledBack);
    }

    @Test
    void given_two_writers_at_once_giving_one_hash_to_two_keys_when_the_first_commits_then_the_second_is_refused()
            throws Exception {
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of()));
        String shared = sha256Hex(unique("shared"));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection first = database.getConnection(); Connection second = database.getConnection()) {
            first.setAutoCommit(false);
            insertKey(first, unique("first"), shared, null);
            int secondPid = backendPid(second);

            Future<?> racing = executor.submit(() -> insertKey(second, unique("second"), sha256Hex(unique("own")), shared));
            awaitWaitingForAdvisoryLock(secondPid);
            first.commit();

            assertThatThrownBy(racing::get).isInstanceOf(ExecutionException.class)
                    .satisfies(e -> assertRefusedBy(e.getCause(), "api_keys_token_sha256_distinct"));
        } finally {
            executor.shutdownNow();
        }
    }

    private static Optional<RetiringToken> retiring(String sha256) {
        return Optional.of(new RetiringToken(sha256, Optional.empty(), OVERLAP_END));
    }

    private static void assertRefusedBy(Throwable cause, String constraint) {
        assertThat(cause).isInstanceOf(PSQLException.class);
        PSQLException refusal = (PSQLException) cause;
        assertThat(refusal.getSQLState()).isEqualTo("23505");
        assertThat(refusal.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
    }

    private Void insertKey(Connection connection, String id, String tokenSha256, String previousSha256)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO data_api.api_keys"
                + " (id, company_id, token_sha256, previous_token_sha256, previous_token_until) VALUES (?, ?, ?, ?, ?)")) {
            statement.setString(1, id);
            statement.setString(2, company);
            statement.setString(3, tokenSha256);
            statement.setString(4, previousSha256);
            statement.setTimestamp(5, previousSha256 == null ? null : Timestamp.from(OVERLAP_END));
            statement.executeUpdate();
        }
        return null;
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_backend_pid()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Returns once the backend {@code pid} waits for an advisory lock; fails after {@link #PATIENCE}. */
    private void awaitWaitingForAdvisoryLock(int pid) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        try (Connection observer = database.getConnection();
             PreparedStatement statement = observer.prepareStatement(
                     "SELECT count(*) FROM pg_locks WHERE pid = ? AND locktype = 'advisory' AND NOT granted")) {
            statement.setInt(1, pid);
            while (true) {
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                assertThat(Instant.now()).as("the second writer waits for the first one's lock").isBefore(deadline);
                Thread.sleep(10); // polling another session's lock state: nothing to wait on
            }
        }
    }
}
