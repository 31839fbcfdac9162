package dev.dataapi.sql;

import static dev.dataapi.sql.Queries.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.out.QueryOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts cancel the query on the server; connections always go back to the pool. */
class JdbcQueryExecutorResourcesTest {
    private final HikariDataSource pool = EmbeddedPostgresSupport.newPool("test-resources", 2, Duration.ofSeconds(5));
    private final JdbcQueryExecutor executor = new JdbcQueryExecutor(pool);

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void given_a_query_slower_than_its_timeout_when_executed_then_timed_out_promptly_and_nothing_runs_on_the_server()
            throws SQLException {
        String marker = "t-" + UUID.randomUUID();
        long start = System.nanoTime();

        QueryOutcome outcome = executor.execute(request("/* " + marker + " */ SELECT pg_sleep(30)", 10,
                Duration.ofSeconds(1)), new CollectingSink());

        assertThat(outcome).isEqualTo(new QueryOutcome.TimedOut());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(runningQueriesMarked(marker)).isZero();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void given_a_timeout_when_executed_then_the_server_enforces_it_too_even_if_this_process_dies() {
        CollectingSink sink = new CollectingSink();

        executor.execute(request("SELECT current_setting('statement_timeout')", 10, Duration.ofMillis(1500)), sink);

        assertThat(sink.single()).isEqualTo("1500ms");
    }

    @Test
    void given_an_execution_then_it_is_planned_for_its_own_values_not_with_a_generic_plan() {
        CollectingSink sink = new CollectingSink();

        executor.execute(request("SELECT current_setting('plan_cache_mode')", 10, Duration.ofSeconds(3)), sink);

        assertThat(sink.single()).isEqualTo("force_custom_plan");
    }

    @Test
    void given_a_server_timeout_that_does_not_fire_first_when_executed_then_the_client_cancels_the_query()
            throws SQLException {
        // A negative grace makes the client cancel 1.5 s before the server-side timeout would fire.
        JdbcQueryExecutor clientCancelsFirst = new JdbcQueryExecutor(pool, Duration.ofMillis(-1500));
        String marker = "t-" + UUID.randomUUID();
        long start = System.nanoTime();

        QueryOutcome outcome = clientCancelsFirst.execute(request("/* " + marker + " */ SELECT pg_sleep(30)", 10,
                Duration.ofSeconds(2)), new CollectingSink());

        assertThat(outcome).isEqualTo(new QueryOutcome.TimedOut());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        assertThat(runningQueriesMarked(marker)).isZero();
    }

    @Test
    void given_rows_consumed_past_the_timeout_when_streamed_then_timed_out_without_delivering_the_rest() {
        CollectingSink slow = new CollectingSink() {
            @Override
            public void row(Object[] values) {
                super.row(values);
                pause(Duration.ofMillis(200));
            }
        };

        QueryOutcome outcome = executor.execute(request("SELECT g FROM generate_series(1, 20) g", 100,
                Duration.ofMillis(500)), slow);

        assertThat(outcome).isEqualTo(new QueryOutcome.TimedOut());
        assertThat(slow.rows().size()).isBetween(2, 4);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void given_an_exhausted_pool_when_executed_then_unavailable_with_a_retry_hint() throws SQLException {
        try (HikariDataSource single = EmbeddedPostgresSupport.newPool("test-exhausted", 1, Duration.ofMillis(250));
             Connection held = single.getConnection()) {
            JdbcQueryExecutor starved = new JdbcQueryExecutor(single);

            QueryOutcome outcome = starved.execute(request("SELECT 1"), new CollectingSink());

            assertThat(held.isValid(1)).isTrue();
            assertThat(outcome).isEqualTo(new QueryOutcome.Unavailable(Duration.ofSeconds(1)));
        }
    }

    @Test
    void given_executions_ending_every_way_when_done_then_no_connection_is_left_in_use() {
        List<String> queries = List.of("SELECT 1", "SELECT generate_series(1, 10)", "SELEC 1", "SELECT 1/0",
                "INSERT INTO nowhere VALUES (1)", "SELECT pg_sleep(5)");

        for (String sql : queries) {
            executor.execute(request(sql, 5, Duration.ofMillis(300)), new CollectingSink());

            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as(sql).isZero();
        }
    }

    @Test
    void given_a_sink_that_throws_when_executed_then_the_exception_propagates_and_the_connection_is_released() {
        ResultSink broken = new ResultSink() {
            @Override
            public void columns(List<Column> columns) {
            }

            @Override
            public void row(Object[] values) {
                throw new IllegalStateException("sink broke");
            }
        };

        assertThatThrownBy(() -> executor.execute(request("SELECT 1"), broken)).hasMessage("sink broke");
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @Test
    void given_an_execution_when_its_connection_is_reused_then_no_transaction_setting_is_left_behind() throws SQLException {
        try (HikariDataSource single = EmbeddedPostgresSupport.newPool("test-reuse", 1, Duration.ofSeconds(5))) {
            new JdbcQueryExecutor(single).execute(request("SELECT 1", 10, Duration.ofSeconds(3)), new CollectingSink());

            try (Connection reused = single.getConnection(); Statement statement = reused.createStatement();
                 ResultSet timeout = statement.executeQuery("SHOW statement_timeout")) {
                timeout.next();
                assertThat(timeout.getString(1)).isEqualTo("0");
                try (ResultSet plans = statement.executeQuery("SHOW plan_cache_mode")) {
                    plans.next();
                    assertThat(plans.getString(1)).isEqualTo("auto");
                }
                assertThat(reused.getAutoCommit()).isTrue();
                assertThat(reused.isReadOnly()).isFalse();
            }
        }
    }

    private static int runningQueriesMarked(String marker) throws SQLException {
        try (Connection connection = EmbeddedPostgresSupport.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                     + " AND pid <> pg_backend_pid() AND query LIKE '%" + marker + "%'")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
