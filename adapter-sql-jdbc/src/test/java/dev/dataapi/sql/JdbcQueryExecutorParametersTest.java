package dev.dataapi.sql;

import static dev.dataapi.sql.Queries.admin;
import static dev.dataapi.sql.Queries.list;
import static dev.dataapi.sql.Queries.request;
import static dev.dataapi.sql.Queries.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.QueryOutcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Parameter values are bound, typed, never spliced into the SQL. */
class JdbcQueryExecutorParametersTest {
    private final JdbcQueryExecutor executor = new JdbcQueryExecutor(EmbeddedPostgresSupport.dataSource());

    private CollectingSink run(String sql, BoundParameter... parameters) {
        CollectingSink sink = new CollectingSink();
        QueryOutcome outcome = executor.execute(request(sql, parameters), sink);
        assertThat(outcome).isInstanceOf(QueryOutcome.Completed.class);
        return sink;
    }

    @Test
    void given_scalar_values_of_every_type_when_bound_then_the_database_sees_them_typed() {
        OffsetDateTime moment = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC);
        CollectingSink sink = run("SELECT :s, pg_typeof(:s)::text, :i + 1, :n * 2, NOT :b, :d + 1, :t",
                scalar("s", ScalarType.STRING, "Sul"),
                scalar("i", ScalarType.INTEGER, 9_000_000_000L),
                scalar("n", ScalarType.NUMBER, new BigDecimal("0.1")),
                scalar("b", ScalarType.BOOLEAN, true),
                scalar("d", ScalarType.DATE, LocalDate.of(2024, 2, 28)),
                scalar("t", ScalarType.TIMESTAMP, moment));

        assertThat(sink.rows()).containsExactly(List.of("Sul", "character varying", 9_000_000_001L,
                new BigDecimal("0.2"), false, LocalDate.of(2024, 2, 29), moment));
    }

    @Test
    void given_a_placeholder_used_twice_with_a_cast_when_bound_then_both_get_the_value() {
        CollectingSink sink = run("SELECT :d::text || '/' || :d::text", scalar("d", ScalarType.DATE, LocalDate.of(2024, 1, 2)));

        assertThat(sink.single()).isEqualTo("2024-01-02/2024-01-02");
    }

    @Test
    void given_a_list_parameter_when_used_with_any_then_it_binds_as_an_array() {
        String table = Queries.uniqueTable();
        admin("CREATE TABLE " + table + " (region text, amount int)");
        admin("INSERT INTO " + table + " VALUES ('Sul', 1), ('Norte', 2), ('Sudeste', 3)");

        CollectingSink sink = run("SELECT region FROM " + table + " WHERE region = ANY(:regions) ORDER BY region",
                list("regions", ScalarType.STRING, List.of("Sul", "Sudeste", "Oeste")));

        assertThat(sink.rows()).containsExactly(List.of("Sudeste"), List.of("Sul"));
    }

    @Test
    void given_list_values_of_every_type_when_bound_then_they_arrive_as_typed_arrays() {
        CollectingSink sink = run("SELECT pg_typeof(:s)::text, pg_typeof(:i)::text, pg_typeof(:n)::text, pg_typeof(:b)::text,"
                        + " pg_typeof(:d)::text, pg_typeof(:t)::text, :i, :n, :d, :t",
                list("s", ScalarType.STRING, List.of("a")),
                list("i", ScalarType.INTEGER, List.of(1L, 2L)),
                list("n", ScalarType.NUMBER, List.of(new BigDecimal("12345678901234567890.123456789"))),
                list("b", ScalarType.BOOLEAN, List.of(true)),
                list("d", ScalarType.DATE, List.of(LocalDate.of(2024, 1, 31))),
                list("t", ScalarType.TIMESTAMP, List.of(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC))));

        assertThat(sink.rows().get(0)).containsExactly("text[]", "bigint[]", "numeric[]", "boolean[]", "date[]",
                "timestamp with time zone[]", List.of(1L, 2L), List.of(new BigDecimal("12345678901234567890.123456789")),
                List.of(LocalDate.of(2024, 1, 31)), List.of(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void given_an_empty_list_when_used_with_any_then_nothing_matches() {
        CollectingSink sink = run("SELECT 1 WHERE 'Sul' = ANY(:regions)", list("regions", ScalarType.STRING, List.of()));

        assertThat(sink.rows()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ScalarType.class)
    void given_a_null_optional_scalar_when_bound_then_is_null_works_without_a_cast(ScalarType type) {
        CollectingSink sink = run("SELECT :p IS NULL", scalar("p", type, null));

        assertThat(sink.single()).isEqualTo(true);
    }

    @ParameterizedTest
    @EnumSource(ScalarType.class)
    void given_a_null_optional_list_when_bound_then_is_null_works_without_a_cast(ScalarType type) {
        CollectingSink sink = run("SELECT :p IS NULL", list("p", type, null));

        assertThat(sink.single()).isEqualTo(true);
    }

    @Test
    void given_an_optional_filter_when_null_then_the_usual_pattern_returns_every_row() {
        CollectingSink sink = run("SELECT g FROM generate_series(1, 3) g WHERE (:since IS NULL OR g >= :since) ORDER BY g",
                scalar("since", ScalarType.INTEGER, null));

        assertThat(sink.rows()).containsExactly(List.of(1), List.of(2), List.of(3));
    }

    @Test
    void given_an_injection_attempt_as_a_value_when_bound_then_it_comes_back_verbatim_and_the_table_survives() {
        String table = Queries.uniqueTable();
        admin("CREATE TABLE " + table + " (name text)");
        admin("INSERT INTO " + table + " VALUES ('kept')");
        String attack = "'; DROP TABLE " + table + "; --";

        CollectingSink sink = run("SELECT :name AS echoed, (SELECT count(*) FROM " + table + " WHERE name = :name) AS hits",
                scalar("name", ScalarType.STRING, attack));
        CollectingSink after = run("SELECT name FROM " + table);

        assertThat(sink.rows()).containsExactly(List.of(attack, 0L));
        assertThat(after.rows()).containsExactly(List.of("kept"));
    }

    @Test
    void given_a_placeholder_without_a_bound_value_when_executed_then_it_is_a_bug_named_in_the_exception() {
        assertThatThrownBy(() -> executor.execute(request("SELECT :a, :b", scalar("a", ScalarType.STRING, "x")),
                new CollectingSink()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":b");
    }

    @Test
    void given_a_value_of_the_wrong_java_type_when_executed_then_it_is_a_bug_named_in_the_exception() {
        assertThatThrownBy(() -> executor.execute(request("SELECT :a", scalar("a", ScalarType.INTEGER, "12")),
                new CollectingSink()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":a").hasMessageContaining("integer");
    }

    @Test
    void given_bound_parameters_the_sql_does_not_use_when_executed_then_they_are_ignored() {
        CollectingSink sink = run("SELECT 1", scalar("unused", ScalarType.STRING, "x"));

        assertThat(sink.single()).isEqualTo(1);
    }

    @Test
    void given_literal_text_that_looks_like_placeholders_when_executed_then_it_is_returned_untouched() {
        CollectingSink sink = run("SELECT ':x' AS a, $q$ :y ? $q$ AS b, '{\"k\":1}'::jsonb ? 'k' AS c, :z::int AS d",
                scalar("z", ScalarType.INTEGER, 5L));

        assertThat(sink.rows()).containsExactly(List.of(":x", " :y ? ", true, 5));
    }
}
