package dev.dataapi.sql;

import static dev.dataapi.sql.Queries.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.JsonText;
import dev.dataapi.ports.out.QueryOutcome;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every PostgreSQL value comes back as the Java value a JSON writer can render faithfully. */
class JdbcQueryExecutorValuesTest {
    private final JdbcQueryExecutor executor = new JdbcQueryExecutor(EmbeddedPostgresSupport.dataSource());

    private Object valueOf(String expression) {
        CollectingSink sink = new CollectingSink();
        QueryOutcome outcome = executor.execute(request("SELECT " + expression + " AS v"), sink);
        assertThat(outcome).isEqualTo(new QueryOutcome.Completed(1, false));
        return sink.single();
    }

    private String typeOf(String expression) {
        CollectingSink sink = new CollectingSink();
        executor.execute(request("SELECT " + expression + " AS v"), sink);
        return sink.columns().get(0).type();
    }

    @Test
    void given_a_numeric_beyond_double_precision_when_read_then_it_is_exact() {
        assertThat(valueOf("12345678901234567890.123456789::numeric"))
                .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    }

    @Test
    void given_a_numeric_with_trailing_zeros_when_read_then_its_scale_is_kept() {
        assertThat(valueOf("1.50::numeric(10,2)")).isEqualTo(new BigDecimal("1.50"));
    }

    @Test
    void given_integers_of_each_width_when_read_then_they_keep_their_width() {
        assertThat(valueOf("32767::int2")).isEqualTo((short) 32767);
        assertThat(valueOf("2147483647::int4")).isEqualTo(2147483647);
        assertThat(valueOf("9223372036854775807::int8")).isEqualTo(9223372036854775807L);
    }

    @Test
    void given_floating_point_values_when_read_then_they_keep_their_width() {
        assertThat(valueOf("1.5::float4")).isEqualTo(1.5f);
        assertThat(valueOf("0.1::float8")).isEqualTo(0.1d);
    }

    @Test
    void given_values_json_cannot_hold_as_numbers_when_read_then_they_are_spelled_as_postgresql_does() {
        assertThat(valueOf("'NaN'::float8")).isEqualTo("NaN");
        assertThat(valueOf("'-Infinity'::float4")).isEqualTo("-Infinity");
        assertThat(valueOf("'NaN'::numeric")).isEqualTo("NaN");
    }

    @Test
    void given_booleans_and_text_when_read_then_they_are_java_booleans_and_strings() {
        assertThat(valueOf("true")).isEqualTo(Boolean.TRUE);
        assertThat(valueOf("'Sul'::varchar")).isEqualTo("Sul");
        assertThat(valueOf("'ab'::char(4)")).isEqualTo("ab  ");
    }

    @Test
    void given_dates_and_times_when_read_then_they_keep_precision_and_offset() {
        assertThat(valueOf("'2024-02-29'::date")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(valueOf("'13:45:01.123456'::time")).isEqualTo(LocalTime.of(13, 45, 1, 123_456_000));
        assertThat(valueOf("'13:45:01+03'::timetz")).isEqualTo(OffsetTime.of(13, 45, 1, 0, ZoneOffset.ofHours(3)));
        assertThat(valueOf("'2024-02-29 13:45:01.5'::timestamp")).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 1, 500_000_000));
    }

    @Test
    void given_the_end_of_the_day_when_read_then_it_is_the_string_24_00_00_with_its_offset() {
        assertThat(valueOf("'24:00'::time")).isEqualTo("24:00:00");
        assertThat(valueOf("'24:00+03'::timetz")).isEqualTo("24:00:00+03:00");
        assertThat(valueOf("'24:00:00-05:30'::timetz")).isEqualTo("24:00:00-05:30");
        assertThat(valueOf("'24:00+00'::timetz")).isEqualTo("24:00:00Z");
        assertThat(valueOf("ARRAY['24:00'::time, '12:00']")).isEqualTo(List.of("24:00:00", LocalTime.NOON));
        assertThat(valueOf("ARRAY['24:00+03'::timetz]")).isEqualTo(List.of("24:00:00+03:00"));
    }

    @Test
    void given_the_last_microsecond_of_the_day_when_read_then_it_stays_a_time() {
        assertThat(valueOf("'23:59:59.999999'::time")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
        assertThat(valueOf("'23:59:59.999999+03'::timetz"))
                .isEqualTo(OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHours(3)));
    }

    @Test
    void given_the_end_of_the_day_when_the_driver_switches_to_binary_transfer_then_it_reads_the_same() {
        String sql = "SELECT '24:00'::time, '24:00+03'::timetz, '24:00-05:30'::timetz, '24:00+00'::timetz,"
                + " '13:45:01+03'::timetz, '23:59:59.999999'::time, NULL::timetz";
        List<Object> expected = Arrays.asList("24:00:00", "24:00:00+03:00", "24:00:00-05:30", "24:00:00Z",
                OffsetTime.of(13, 45, 1, 0, ZoneOffset.ofHours(3)), LocalTime.of(23, 59, 59, 999_999_000), null);
        try (HikariDataSource single = EmbeddedPostgresSupport.newPool("test-end-of-day", 1, Duration.ofSeconds(5))) {
            JdbcQueryExecutor sameConnection = new JdbcQueryExecutor(single);

            for (int run = 1; run <= 8; run++) {
                CollectingSink sink = new CollectingSink();
                QueryOutcome outcome = sameConnection.execute(request(sql), sink);

                assertThat(outcome).as("run %d", run).isEqualTo(new QueryOutcome.Completed(1, false));
                assertThat(sink.rows()).as("run %d", run).containsExactly(expected);
            }
        }
    }

    @Test
    void given_a_timestamptz_in_another_zone_when_read_then_it_is_the_same_instant_in_utc() {
        assertThat(valueOf("'2024-02-29 13:45:01.123456-03'::timestamptz"))
                .isEqualTo(OffsetDateTime.of(2024, 2, 29, 16, 45, 1, 123_456_000, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @CsvSource({"date", "timestamp", "timestamptz"})
    void given_infinite_dates_when_read_then_they_are_the_strings_infinity(String type) {
        assertThat(valueOf("'infinity'::" + type)).isEqualTo("infinity");
        assertThat(valueOf("'-infinity'::" + type)).isEqualTo("-infinity");
    }

    @Test
    void given_json_and_jsonb_when_read_then_they_stay_json_text() {
        assertThat(valueOf("'{\"a\": [1, 2.50]}'::json")).isEqualTo(new JsonText("{\"a\": [1, 2.50]}"));
        assertThat(valueOf("'{\"b\": null, \"a\": 1}'::jsonb")).isEqualTo(new JsonText("{\"a\": 1, \"b\": null}"));
    }

    @Test
    void given_bytea_when_read_then_it_is_the_bytes() {
        assertThat((byte[]) valueOf("'\\x00ff10'::bytea")).containsExactly(0x00, 0xff, 0x10);
    }

    @Test
    void given_types_without_a_json_shape_when_read_then_they_are_the_database_text() {
        assertThat(valueOf("'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(valueOf("'192.168.0.1/24'::inet")).isEqualTo("192.168.0.1/24");
        assertThat(valueOf("'1 day 02:00'::interval")).isEqualTo("1 day 02:00:00");
    }

    @Test
    void given_sql_nulls_of_every_kind_when_read_then_they_are_null() {
        CollectingSink sink = new CollectingSink();
        executor.execute(request("SELECT NULL::int2, NULL::int4, NULL::int8, NULL::float4, NULL::float8, NULL::numeric,"
                + " NULL::bool, NULL::text, NULL::date, NULL::time, NULL::timetz, NULL::timestamp, NULL::timestamptz,"
                + " NULL::jsonb, NULL::bytea, NULL::int4[], NULL::uuid"), sink);

        assertThat(sink.rows()).hasSize(1);
        assertThat(sink.rows().get(0)).hasSize(17).containsOnlyNulls();
    }

    @Test
    void given_arrays_when_read_then_they_are_lists_of_mapped_elements() {
        assertThat(valueOf("ARRAY[1, NULL, 3]::int4[]")).isEqualTo(Arrays.asList(1, null, 3));
        assertThat(valueOf("ARRAY['a', 'b c', '\"q\"']")).isEqualTo(List.of("a", "b c", "\"q\""));
        assertThat(valueOf("ARRAY[1.10, 12345678901234567890.5]::numeric[]"))
                .isEqualTo(List.of(new BigDecimal("1.10"), new BigDecimal("12345678901234567890.5")));
        assertThat(valueOf("ARRAY['2024-01-31'::date, 'infinity']")).isEqualTo(List.of(LocalDate.of(2024, 1, 31), "infinity"));
        assertThat(valueOf("ARRAY['2024-01-31 10:00:00+02'::timestamptz]"))
                .isEqualTo(List.of(OffsetDateTime.of(2024, 1, 31, 8, 0, 0, 0, ZoneOffset.UTC)));
        assertThat(valueOf("ARRAY['{\"a\":1}'::jsonb]")).isEqualTo(List.of(new JsonText("{\"a\": 1}")));
        assertThat(valueOf("ARRAY[true, false]")).isEqualTo(List.of(true, false));
        assertThat(valueOf("'{}'::int8[]")).isEqualTo(List.of());
    }

    @Test
    void given_a_multi_dimensional_array_when_read_then_it_is_nested_lists() {
        assertThat(valueOf("ARRAY[ARRAY[1, 2], ARRAY[3, 4]]")).isEqualTo(List.of(List.of(1, 2), List.of(3, 4)));
    }

    @Test
    void given_the_same_query_run_many_times_when_the_driver_switches_to_binary_transfer_then_values_do_not_change() {
        String sql = "SELECT 12345678901234567890.123456789::numeric, 1.50::numeric, 7::int2, 8::int4, 9::int8, 1.5::float4,"
                + " 0.1::float8, true, '2024-02-29'::date, 'infinity'::date, '13:45:01.5'::time, '13:45:01+03'::timetz,"
                + " '2024-02-29 13:45:01.5'::timestamp, '-infinity'::timestamp, '2024-02-29 13:45:01.5-03'::timestamptz,"
                + " 'infinity'::timestamptz, '{\"a\": 1}'::jsonb, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid,"
                + " ARRAY[1.10, 2]::numeric[], ARRAY['2024-01-31'::date], ARRAY[now()::date - now()::date], NULL::int4";
        try (HikariDataSource single = EmbeddedPostgresSupport.newPool("test-binary", 1, Duration.ofSeconds(5))) {
            JdbcQueryExecutor sameConnection = new JdbcQueryExecutor(single);
            CollectingSink first = new CollectingSink();
            sameConnection.execute(request(sql), first);

            for (int run = 2; run <= 8; run++) {
                CollectingSink again = new CollectingSink();
                sameConnection.execute(request(sql), again);

                assertThat(again.rows()).as("run %d", run).isEqualTo(first.rows());
                assertThat(again.columns()).as("run %d", run).isEqualTo(first.columns());
            }
            assertThat(first.rows().get(0)).startsWith(new BigDecimal("12345678901234567890.123456789"),
                    new BigDecimal("1.50"), (short) 7, 8, 9L);
        }
    }

    @Test
    void given_columns_of_many_types_when_read_then_each_column_reports_the_database_type_name() {
        CollectingSink sink = new CollectingSink();
        executor.execute(request("SELECT 'x'::varchar AS regiao, 1 AS n, 1.5::numeric AS total, now() AS at,"
                + " 'a'::char(2) AS code, ARRAY[1] AS ids, '{}'::jsonb AS doc, 'x'::text AS note"), sink);

        assertThat(sink.columns()).containsExactly(
                new Column("regiao", "varchar"), new Column("n", "int4"), new Column("total", "numeric"),
                new Column("at", "timestamptz"), new Column("code", "bpchar"), new Column("ids", "int4[]"),
                new Column("doc", "jsonb"), new Column("note", "text"));
    }

    @Test
    void given_array_columns_when_typed_then_the_type_reads_as_element_brackets() {
        assertThat(typeOf("ARRAY['a']::text[]")).isEqualTo("text[]");
        assertThat(typeOf("ARRAY[now()]")).isEqualTo("timestamptz[]");
    }

    @Test
    void given_columns_in_select_order_when_read_then_order_and_duplicate_labels_are_kept() {
        CollectingSink sink = new CollectingSink();
        executor.execute(request("SELECT 3 AS c, 1 AS a, 2 AS a"), sink);

        assertThat(sink.columns()).extracting(Column::name).containsExactly("c", "a", "a");
        assertThat(sink.rows()).containsExactly(List.of(3, 1, 2));
    }
}
