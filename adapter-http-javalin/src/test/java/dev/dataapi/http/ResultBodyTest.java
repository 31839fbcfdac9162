package dev.dataapi.http;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.JsonText;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A sync result is written exactly as the contract shows it")
class ResultBodyTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/execute";
    private static final AtomicReference<ExecuteEndpoint> BEHAVIOUR = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start((command, sink) -> BEHAVIOUR.get().execute(command, sink));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_the_contract_example_when_executing_then_body_is_byte_for_byte_the_contract() {
        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(List.of(new Column("regiao", "varchar")));
            sink.row(new Object[] {"Sul"});
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10_000));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"columns\":[{\"name\":\"regiao\","
                + "\"type\":\"varchar\"}],\"rows\":[{\"regiao\":\"Sul\"}],\"row_count\":1,\"truncated\":false,"
                + "\"max_rows\":10000,\"executed_at\":\"2026-04-11T10:30:00Z\"}");
    }

    @Test
    void given_every_value_type_when_executing_then_each_is_written_faithfully() {
        List<Column> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Object[][] cells = {
                {"c_null", "varchar", null},
                {"c_text", "text", "Sul \"q\" ç\n"},
                {"c_bool", "bool", true},
                {"c_short", "int2", (short) -7},
                {"c_int", "int4", 42},
                {"c_long", "int8", 9_007_199_254_740_993L},
                {"c_big_integer", "numeric", new BigInteger("-123456789012345678901234567890")},
                {"c_numeric", "numeric", new BigDecimal("12345678901234567890.50")},
                {"c_numeric_exp", "numeric", new BigDecimal("1E+3")},
                {"c_numeric_small", "numeric", new BigDecimal("1E-7")},
                {"c_float4", "float4", 1.5f},
                {"c_float8", "float8", 0.1d},
                {"c_nan", "float8", Double.NaN},
                {"c_inf", "float8", Double.POSITIVE_INFINITY},
                {"c_neg_inf", "float4", Float.NEGATIVE_INFINITY},
                {"c_date", "date", LocalDate.of(2026, 4, 11)},
                {"c_time", "time", LocalTime.of(10, 30)},
                {"c_timetz", "timetz", OffsetTime.of(10, 30, 15, 0, ZoneOffset.ofHours(2))},
                {"c_timestamp", "timestamp", LocalDateTime.of(2026, 4, 11, 10, 30, 0, 123_000_000)},
                {"c_timestamptz", "timestamptz", OffsetDateTime.of(2026, 4, 11, 10, 30, 0, 0, ZoneOffset.UTC)},
                {"c_timestamptz_offset", "timestamptz", OffsetDateTime.of(2026, 4, 11, 7, 30, 0, 0, ZoneOffset.ofHours(-3))},
                {"c_bytea", "bytea", new byte[] {0, 1, 2, (byte) 0xff}},
                {"c_jsonb", "jsonb", new JsonText("{\"a\": [1, 2.50, null]}")},
                {"c_int_array", "_int4", Arrays.asList(1, null, 3)},
                {"c_nested_array", "_text", List.of(List.of("a", "b"), List.of())},
                {"c_uuid", "uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000")},
        };
        for (Object[] cell : cells) {
            columns.add(new Column((String) cell[0], (String) cell[1]));
            values.add(cell[2]);
        }

        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(columns);
            sink.row(values.toArray());
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00.987654321Z"), 1, true, 1));

        StringBuilder expectedColumns = new StringBuilder();
        for (Object[] cell : cells) {
            expectedColumns.append(expectedColumns.length() == 0 ? "" : ",")
                    .append("{\"name\":\"").append(cell[0]).append("\",\"type\":\"").append(cell[1]).append("\"}");
        }
        String expected = "{\"columns\":[" + expectedColumns + "],\"rows\":[{"
                + "\"c_null\":null,"
                + "\"c_text\":\"Sul \\\"q\\\" ç\\n\","
                + "\"c_bool\":true,"
                + "\"c_short\":-7,"
                + "\"c_int\":42,"
                + "\"c_long\":9007199254740993,"
                + "\"c_big_integer\":-123456789012345678901234567890,"
                + "\"c_numeric\":12345678901234567890.50,"
                + "\"c_numeric_exp\":1000,"
                + "\"c_numeric_small\":0.0000001,"
                + "\"c_float4\":1.5,"
                + "\"c_float8\":0.1,"
                + "\"c_nan\":\"NaN\","
                + "\"c_inf\":\"Infinity\","
                + "\"c_neg_inf\":\"-Infinity\","
                + "\"c_date\":\"2026-04-11\","
                + "\"c_time\":\"10:30:00\","
                + "\"c_timetz\":\"10:30:15+02:00\","
                + "\"c_timestamp\":\"2026-04-11T10:30:00.123\","
                + "\"c_timestamptz\":\"2026-04-11T10:30:00Z\","
                + "\"c_timestamptz_offset\":\"2026-04-11T07:30:00-03:00\","
                + "\"c_bytea\":\"AAEC/w==\","
                + "\"c_jsonb\":{\"a\": [1, 2.50, null]},"
                + "\"c_int_array\":[1,null,3],"
                + "\"c_nested_array\":[[\"a\",\"b\"],[]],"
                + "\"c_uuid\":\"123e4567-e89b-12d3-a456-426614174000\""
                + "}],\"row_count\":1,\"truncated\":true,\"max_rows\":1,\"executed_at\":\"2026-04-11T10:30:00Z\"}";
        assertThat(response.body()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void given_numerics_with_scales_beyond_ten_thousand_when_executing_then_200_with_their_plain_digits() {
        // round(1::numeric/3, 10000) and 1e10000::numeric: PostgreSQL allows scales up to 16383.
        BigDecimal third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), 10_000, RoundingMode.HALF_UP);
        BigDecimal huge = new BigDecimal(BigInteger.ONE, -10_000);

        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(List.of(new Column("third", "numeric"), new Column("huge", "numeric")));
            sink.row(new Object[] {third, huge});
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"rows\":[{\"third\":0."
                + "3".repeat(10_000) + ",\"huge\":1" + "0".repeat(10_000) + "}]");
    }

    @Test
    void given_columns_sharing_a_name_when_executing_then_later_ones_get_numbered_suffixes() {
        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(List.of(new Column("id", "int4"), new Column("id", "int8"), new Column("name", "text"),
                    new Column("id", "text")));
            sink.row(new Object[] {1, 2L, "x", "y"});
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"columns\":["
                + "{\"name\":\"id\",\"type\":\"int4\"},{\"name\":\"id_2\",\"type\":\"int8\"},"
                + "{\"name\":\"name\",\"type\":\"text\"},{\"name\":\"id_3\",\"type\":\"text\"}],"
                + "\"rows\":[{\"id\":1,\"id_2\":2,\"name\":\"x\",\"id_3\":\"y\"}],"
                + "\"row_count\":1,\"truncated\":false,\"max_rows\":10,\"executed_at\":\"2026-04-11T10:30:00Z\"}");
    }

    @Test
    void given_a_duplicate_whose_suffix_is_a_real_column_label_when_executing_then_the_real_column_keeps_its_name() {
        // SELECT 1 AS dup, 2 AS dup, 3 AS dup_2
        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(List.of(new Column("dup", "int4"), new Column("dup", "int4"), new Column("dup_2", "int4")));
            sink.row(new Object[] {1, 2, 3});
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"columns\":["
                + "{\"name\":\"dup\",\"type\":\"int4\"},{\"name\":\"dup_3\",\"type\":\"int4\"},"
                + "{\"name\":\"dup_2\",\"type\":\"int4\"}],"
                + "\"rows\":[{\"dup\":1,\"dup_3\":2,\"dup_2\":3}],"
                + "\"row_count\":1,\"truncated\":false,\"max_rows\":10,\"executed_at\":\"2026-04-11T10:30:00Z\"}");
    }

    @Test
    void given_labels_colliding_with_every_suffix_form_when_executing_then_all_keys_are_distinct_and_originals_kept() {
        List<String> labels = List.of("a_2", "a", "a", "a_3", "a_2", "a", "a_2_2");
        HttpResponse<byte[]> response = execute(sink -> {
            List<Column> columns = new ArrayList<>();
            labels.forEach(label -> columns.add(new Column(label, "int4")));
            sink.columns(columns);
            sink.row(new Object[] {0, 1, 2, 3, 4, 5, 6});
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"rows\":[{\"a_2\":0,\"a\":1,"
                + "\"a_4\":2,\"a_3\":3,\"a_2_3\":4,\"a_5\":5,\"a_2_2\":6}]");
    }

    @Test
    void given_rows_in_a_reused_array_when_executing_then_each_row_keeps_its_own_values_in_column_order() {
        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(List.of(new Column("z", "text"), new Column("a", "int4")));
            Object[] reused = new Object[2];
            for (int i = 1; i <= 3; i++) {
                reused[0] = "r" + i;
                reused[1] = i;
                sink.row(reused);
            }
        }, new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 3, false, 10));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains(
                "\"rows\":[{\"z\":\"r1\",\"a\":1},{\"z\":\"r2\",\"a\":2},{\"z\":\"r3\",\"a\":3}],\"row_count\":3,");
    }

    @Test
    void given_no_rows_when_executing_then_rows_is_empty_and_columns_are_kept() {
        HttpResponse<byte[]> response = execute(sink -> sink.columns(List.of(new Column("regiao", "varchar"))),
                new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 0, false, 10_000));

        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"columns\":[{\"name\":\"regiao\","
                + "\"type\":\"varchar\"}],\"rows\":[],\"row_count\":0,\"truncated\":false,\"max_rows\":10000,"
                + "\"executed_at\":\"2026-04-11T10:30:00Z\"}");
    }

    @Test
    void given_rejection_after_rows_were_streamed_when_executing_then_only_the_problem_is_sent() {
        HttpResponse<byte[]> response = execute(sink -> {
            sink.columns(List.of(new Column("secret", "text")));
            sink.row(new Object[] {"partial row"});
        }, RecordingExecute.rejected(RejectionCode.EXECUTION_TIMEOUT, "The query took too long."));

        String body = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(body).doesNotContain("partial row").contains("\"code\":\"EXECUTION_TIMEOUT\"");
    }

    private static HttpResponse<byte[]> execute(Consumer<ResultSink> feed, ExecuteOutcome outcome) {
        BEHAVIOUR.set((command, sink) -> {
            feed.accept(sink);
            return outcome;
        });
        return server.send(server.request(PATH).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
