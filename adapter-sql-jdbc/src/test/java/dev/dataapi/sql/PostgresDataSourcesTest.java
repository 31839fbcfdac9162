package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.out.QueryOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class PostgresDataSourcesTest {
    private final PostgresSettings settings = PostgresSettings.of(EmbeddedPostgresSupport.jdbcUrl(),
            EmbeddedPostgresSupport.user(), "");

    @Test
    void given_settings_when_a_pool_is_created_then_its_sessions_carry_the_pool_name() throws SQLException {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("catalog-test", 2, Duration.ofSeconds(1)));
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('application_name')")) {
            rows.next();

            assertThat(rows.getString(1)).isEqualTo("catalog-test");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
        }
    }

    @Test
    void given_read_only_settings_when_a_connection_writes_then_the_database_refuses() throws SQLException {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("read-only-test", 1, Duration.ofSeconds(1))
                .asReadOnly());
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {

            assertThatThrownBy(() -> statement.execute("CREATE TABLE " + Queries.uniqueTable() + " (x int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void given_a_read_only_pool_when_the_query_executor_runs_on_it_then_queries_still_work() {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("query-test", 1, Duration.ofSeconds(1))
                .asReadOnly())) {
            CollectingSink sink = new CollectingSink();

            new JdbcQueryExecutor(pool).execute(Queries.request("SELECT 41 + 1"), sink);

            assertThat(sink.single()).isEqualTo(42);
        }
    }

    @Test
    void given_a_read_only_pool_when_endpoint_sql_writes_then_the_database_refuses_and_the_next_connection_too()
            throws SQLException {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("read-only-writes", 1, Duration.ofSeconds(1))
                .asReadOnly())) {
            QueryOutcome outcome = new JdbcQueryExecutor(pool).execute(
                    Queries.request("CREATE TABLE " + Queries.uniqueTable() + " (x int)"), new CollectingSink());

            assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Failed.class,
                    failed -> assertThat(failed.diagnostic()).startsWith("25006"));
            try (Connection reused = pool.getConnection(); Statement statement = reused.createStatement()) {
                assertThatThrownBy(() -> statement.execute("CREATE TABLE " + Queries.uniqueTable() + " (x int)"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
            }
        }
    }

    /**
     * Counted with pgjdbc's own log of the protocol messages it sends: each Sync is one round trip.
     * An execution needs three: BEGIN READ ONLY with the statement timeout, the query, the rollback.
     */
    @Test
    void given_a_read_only_pool_when_queries_run_then_each_takes_three_round_trips_and_changes_no_session_setting()
            throws SQLException {
        String poolName = unique("round-trips");
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool(poolName, 1, Duration.ofSeconds(1))
                .asReadOnly())) {
            JdbcQueryExecutor executor = new JdbcQueryExecutor(pool);
            List<String> sent;
            try (CapturedLog driver = CapturedLog.of("org.postgresql", Level.FINEST)) {
                for (int run = 0; run < 3; run++) {
                    assertThat(executor.execute(Queries.request("SELECT 1"), new CollectingSink()))
                            .isEqualTo(new QueryOutcome.Completed(1, false));
                }
                sent = driver.messages(Level.FINEST).stream().filter(message -> message.contains("FE=>")).collect(toList());
            }

            assertThat(sent).noneMatch(message -> message.contains("SET SESSION"));
            assertThat(sent).filteredOn(message -> message.contains("FE=> Sync")).hasSize(3 * 3);
            assertThat(lastStatementOf(poolName)).isEqualTo("ROLLBACK");
        }
    }

    @Test
    void given_a_url_of_another_database_when_settings_are_made_then_refused_naming_the_field() {
        assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://db/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jdbcUrl'");
    }

    @Test
    void given_a_pool_size_or_wait_out_of_range_when_settings_are_made_then_refused_naming_the_field() {
        assertThatThrownBy(() -> settings.withPool("p", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maximumPoolSize'");
        assertThatThrownBy(() -> settings.withPool("p", 1, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'connectionTimeout'");
        assertThatThrownBy(() -> settings.withPool(" ", 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'poolName'");
    }

    @Test
    void given_settings_with_passwords_when_printed_then_no_password_shows() {
        PostgresSettings secret = PostgresSettings.of("jdbc:postgresql://db/x?user=u&password=hunter2", "u", "s3cret");

        assertThat(secret.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("password=***");
    }

    /** What an idle session of the pool named {@code poolName} ran last, as the server reports it. */
    private static String lastStatementOf(String poolName) throws SQLException {
        try (Connection connection = EmbeddedPostgresSupport.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT query FROM pg_stat_activity WHERE application_name = ? AND state = 'idle'")) {
            statement.setString(1, poolName);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("an idle session of " + poolName).isTrue();
                return rows.getString(1);
            }
        }
    }
}
