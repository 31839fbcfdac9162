package dev.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.fixtures.Fixtures;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wide rows on a query pool as the service builds it: fetches shrink to the rows' width, so a
 * result far larger than one fetch may hold streams through, and a fetch that would hold more than
 * the pool's bound fails the query instead of exhausting the server's memory.
 */
class JdbcQueryExecutorWideRowsTest {
    private static HikariDataSource pool;
    private static JdbcQueryExecutor executor;

    @BeforeAll
    static void pool() {
        // The smallest bound there is, whatever the test JVM's heap: what these tests show holds above it too.
        pool = PostgresDataSources.create(PostgresSettings.of(EmbeddedPostgresSupport.jdbcUrl(), EmbeddedPostgresSupport.user(), "")
                .withPool(Fixtures.unique("wide-rows"), 1, Duration.ofSeconds(5)).asReadOnly(),
                PostgresDataSources.MIN_FETCH_BOUND_BYTES);
        executor = new JdbcQueryExecutor(pool);
    }

    @AfterAll
    static void close() {
        pool.close();
    }

    @Test
    void given_a_query_pool_as_the_service_builds_it_then_one_fetch_may_hold_a_tenth_of_the_heap_and_at_least_64_mb() {
        try (HikariDataSource service = PostgresDataSources.create(PostgresSettings.of(EmbeddedPostgresSupport.jdbcUrl(),
                EmbeddedPostgresSupport.user(), "").withPool(Fixtures.unique("bound"), 1, Duration.ofSeconds(5)).asReadOnly())) {
            assertThat(Long.parseLong(service.getDataSourceProperties().getProperty("maxResultBuffer")))
                    .isEqualTo(Math.max(64L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 10));
        }
    }

    @Test
    void given_narrow_rows_then_wide_ones_when_executed_then_fetches_grown_on_the_narrow_rows_still_hold_the_wide_ones() {
        // After 100 narrow rows fetches ask for 1,000 rows; 1,000 rows of 50 KB are 50 MB, under the bound.
        CountingSink sink = new CountingSink();

        QueryOutcome outcome = executor.execute(Queries.request("SELECT n, CASE WHEN n <= 100 THEN 'x'"
                + " ELSE repeat('y', 50000) END AS pad FROM generate_series(1, 1100) AS n ORDER BY n", 10_000,
                Duration.ofSeconds(60)), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(1100, false));
    }

    @Test
    void given_1200_rows_of_100_kb_when_executed_then_all_stream_through_in_fetches_below_the_bound() {
        // 120 MB in all: a fixed 1,000-row fetch would hold 100 MB at once, over the 64 MB bound.
        CountingSink sink = new CountingSink();

        QueryOutcome outcome = executor.execute(Queries.request(
                "SELECT n, repeat('x', 100000) AS pad FROM generate_series(1, 1200) AS n", 10_000, Duration.ofSeconds(60)), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(1200, false));
        assertThat(sink.rows).isEqualTo(1200);
        assertThat(sink.characters).isEqualTo(1200L * 100_000);
    }

    @Test
    void given_a_first_fetch_over_the_bound_when_executed_then_it_runs_again_a_row_at_a_time_and_completes() {
        // The first fetch asks for 100 rows: 100 rows of 700 KB are 70 MB, over the 64 MB bound.
        CountingSink sink = new CountingSink();

        QueryOutcome outcome = executor.execute(Queries.request(
                "SELECT repeat('x', 700000) AS pad FROM generate_series(1, 100)", 10_000, Duration.ofSeconds(60)), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(100, false));
        assertThat(sink.rows).as("each row reached the sink once").isEqualTo(100);
        assertThat(sink.columnCalls).isEqualTo(1);
    }

    @Test
    void given_a_single_row_over_the_bound_when_executed_then_the_query_fails_and_the_pool_serves_the_next_one() {
        QueryOutcome outcome = executor.execute(Queries.request(
                "SELECT repeat('x', 70 * 1024 * 1024) AS pad", 10, Duration.ofSeconds(60)), new CountingSink());

        assertThat(outcome).isInstanceOf(QueryOutcome.Failed.class);
        assertThat(((QueryOutcome.Failed) outcome).diagnostic()).contains("maxResultBuffer");
        assertThat(executor.execute(Queries.request("SELECT 1"), new CountingSink()))
                .isEqualTo(new QueryOutcome.Completed(1, false));
    }

    /** Keeps counts only, so the test itself holds no more than a row at a time. */
    private static final class CountingSink implements ResultSink {
        long rows;
        long characters;
        int columnCalls;

        @Override
        public void columns(List<Column> columns) {
            columnCalls++;
        }

        @Override
        public void row(Object[] values) {
            rows++;
            characters += values[values.length - 1].toString().length();
        }
    }
}
