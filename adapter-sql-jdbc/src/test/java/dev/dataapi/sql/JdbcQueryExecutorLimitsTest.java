package dev.dataapi.sql;

import static dev.dataapi.sql.Queries.admin;
import static dev.dataapi.sql.Queries.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Row limits, read-only transactions and query failures. */
class JdbcQueryExecutorLimitsTest {
    private final JdbcQueryExecutor executor = new JdbcQueryExecutor(EmbeddedPostgresSupport.dataSource());

    @Test
    void given_exactly_max_rows_when_executed_then_all_are_delivered_and_not_truncated() {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(request("SELECT g FROM generate_series(1, 5) g ORDER BY g", 5,
                Duration.ofSeconds(10)), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(5, false));
        assertThat(sink.rows()).containsExactly(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5));
    }

    @Test
    void given_one_row_more_than_max_rows_when_executed_then_max_rows_are_delivered_and_truncated() {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(request("SELECT g FROM generate_series(1, 6) g ORDER BY g", 5,
                Duration.ofSeconds(10)), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(5, true));
        assertThat(sink.rows()).containsExactly(List.of(1), List.of(2), List.of(3), List.of(4), List.of(5));
    }

    @Test
    void given_a_practically_endless_result_when_executed_then_only_max_rows_plus_one_are_fetched() {
        CollectingSink sink = new CollectingSink();

        // Reading all 10^12 rows would run far past the timeout; fetching 4 is instant.
        QueryOutcome outcome = executor.execute(request("SELECT generate_series(1, 1000000000000)", 3,
                Duration.ofSeconds(5)), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(3, true));
        assertThat(sink.rows()).hasSize(3);
    }

    @Test
    void given_an_empty_result_when_executed_then_columns_are_still_delivered() {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(request("SELECT 1 AS one WHERE false"), sink);

        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(0, false));
        assertThat(sink.columns()).extracting(c -> c.name()).containsExactly("one");
    }

    @Test
    void given_any_query_when_executed_then_its_transaction_is_read_only() {
        CollectingSink sink = new CollectingSink();

        executor.execute(request("SELECT current_setting('transaction_read_only')"), sink);

        assertThat(sink.single()).isEqualTo("on");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO %s VALUES ('added')",
        "UPDATE %s SET name = 'changed'",
        "DELETE FROM %s",
        "WITH gone AS (DELETE FROM %s RETURNING name) SELECT * FROM gone",
        "CREATE TABLE %s_copy AS SELECT * FROM %<s",
        "DROP TABLE %s"
    })
    void given_a_write_when_executed_then_it_fails_and_the_data_is_unchanged(String write) {
        String table = Queries.uniqueTable();
        admin("CREATE TABLE " + table + " (name text)");
        admin("INSERT INTO " + table + " VALUES ('kept')");

        QueryOutcome outcome = executor.execute(request(String.format(write, table)), new CollectingSink());
        CollectingSink after = new CollectingSink();
        executor.execute(request("SELECT name FROM " + table), after);

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Failed.class,
                failed -> assertThat(failed.diagnostic()).startsWith("25006").contains("read-only transaction"));
        assertThat(after.rows()).containsExactly(List.of("kept"));
    }

    @Test
    void given_a_syntax_error_when_executed_then_failed_with_the_sqlstate_and_message() {
        QueryOutcome outcome = executor.execute(request("SELEC 1"), new CollectingSink());

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Failed.class,
                failed -> assertThat(failed.diagnostic()).startsWith("42601").contains("syntax error"));
    }

    @Test
    void given_an_error_while_rows_are_produced_when_executed_then_failed() {
        QueryOutcome outcome = executor.execute(request("SELECT 1 / (3 - g) FROM generate_series(1, 5) g"),
                new CollectingSink());

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Failed.class,
                failed -> assertThat(failed.diagnostic()).startsWith("22012").contains("division by zero"));
    }

    @Test
    void given_sql_that_is_two_statements_when_executed_then_failed_without_running_either() {
        String table = Queries.uniqueTable();
        admin("CREATE TABLE " + table + " (name text)");

        QueryOutcome outcome = executor.execute(request("SELECT 1; DROP TABLE " + table), new CollectingSink());
        QueryOutcome after = executor.execute(request("SELECT count(*) FROM " + table), new CollectingSink());

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Failed.class,
                failed -> assertThat(failed.diagnostic()).contains("more than one statement"));
        assertThat(after).isEqualTo(new QueryOutcome.Completed(1, false));
    }

    @Test
    void given_sql_with_an_unterminated_literal_when_executed_then_failed_naming_the_problem() {
        QueryOutcome outcome = executor.execute(request("SELECT 'open"), new CollectingSink());

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Failed.class,
                failed -> assertThat(failed.diagnostic()).contains("unterminated string literal"));
    }
}
