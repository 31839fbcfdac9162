package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Successful synchronous executions over real HTTP against a real PostgreSQL. */
class SyncExecutionEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";
    private final ApiClient api = TestServer.get().client;

    @Test
    @DisplayName("a 200 answer has exactly columns, rows, row_count, truncated, max_rows, executed_at in that order")
    void response_shape_and_order() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiClient.Response response = api.execute("numbers", "series", FULL, "{\"parameter_values\": {\"count\": 2}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(fieldNames(body)).containsExactly("columns", "rows", "row_count", "truncated", "max_rows", "executed_at");
        assertThat(body.get("columns").toString()).isEqualTo("[{\"name\":\"n\",\"type\":\"int8\"}]");
        assertThat(body.get("rows").toString()).isEqualTo("[{\"n\":1},{\"n\":2}]");
        assertThat(body.get("row_count").asInt()).isEqualTo(2);
        assertThat(body.get("truncated").asBoolean()).isFalse();
        assertThat(body.get("max_rows").asInt()).isEqualTo(5);
        String executedAt = body.get("executed_at").asText();
        assertThat(executedAt).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(Instant.parse(executedAt)).isBetween(before, Instant.now());
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    @DisplayName("exactly max_rows rows is not truncated; one more row is, and only max_rows come back")
    void truncation_is_exact() {
        JsonNode exact = api.execute("numbers", "series", FULL, "{\"parameter_values\": {\"count\": 5}}").json();
        assertThat(exact.get("row_count").asInt()).isEqualTo(5);
        assertThat(exact.get("truncated").asBoolean()).isFalse();

        JsonNode over = api.execute("numbers", "series", FULL, "{\"parameter_values\": {\"count\": 6}}").json();
        assertThat(over.get("row_count").asInt()).isEqualTo(5);
        assertThat(over.get("rows")).hasSize(5);
        assertThat(over.get("rows").get(4).get("n").asInt()).isEqualTo(5);
        assertThat(over.get("truncated").asBoolean()).isTrue();

        JsonNode none = api.execute("numbers", "series", FULL, "{\"parameter_values\": {\"count\": 0}}").json();
        assertThat(none.get("row_count").asInt()).isZero();
        assertThat(none.get("rows")).isEmpty();
        assertThat(none.get("truncated").asBoolean()).isFalse();
    }

    @Test
    @DisplayName("every value type maps to JSON faithfully, with the database's type names")
    void every_value_type() {
        ApiClient.Response response = api.execute("types", "all-types", FULL, null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        JsonNode row = body.get("rows").get(0);

        List<String> types = new ArrayList<>();
        body.get("columns").forEach(column -> types.add(column.get("name").asText() + ":" + column.get("type").asText()));
        assertThat(types).containsExactly("v_varchar:varchar", "v_char:bpchar", "v_int2:int2", "v_int4:int4",
                "v_int8:int8", "v_numeric:numeric", "v_float8:float8", "v_bool:bool", "v_date:date",
                "v_timestamptz:timestamptz", "v_timestamp:timestamp", "v_time:time", "v_jsonb:jsonb",
                "v_text_array:text[]", "v_int_array:int4[]", "v_bytea:bytea", "v_uuid:uuid", "v_null:text");

        String raw = response.body();
        assertThat(raw).contains("\"v_int8\":9007199254740993");
        assertThat(raw).contains("\"v_numeric\":12345678901234567890.123456789");
        assertThat(row.get("v_numeric").decimalValue()).isEqualByComparingTo(new BigDecimal("12345678901234567890.123456789"));
        assertThat(row.get("v_varchar").asText()).isEqualTo("text");
        assertThat(row.get("v_char").asText()).isEqualTo("ab");
        assertThat(row.get("v_int2").asInt()).isEqualTo(42);
        assertThat(row.get("v_float8").asDouble()).isEqualTo(1.5);
        assertThat(row.get("v_bool").isBoolean()).isTrue();
        assertThat(row.get("v_date").asText()).isEqualTo("2026-04-11");
        assertThat(row.get("v_timestamptz").asText()).isEqualTo("2026-04-11T10:30:00Z");
        assertThat(row.get("v_timestamp").asText()).isEqualTo("2026-04-11T10:30:00");
        assertThat(row.get("v_time").asText()).isEqualTo("10:30:00");
        assertThat(row.get("v_jsonb").isObject()).isTrue();
        assertThat(row.get("v_jsonb").get("a").toString()).isEqualTo("[1,2.5,\"x\"]");
        assertThat(row.get("v_text_array").toString()).isEqualTo("[\"x\",\"y\"]");
        assertThat(row.get("v_int_array").toString()).isEqualTo("[1,2,3]");
        assertThat(row.get("v_bytea").asText()).isEqualTo("3q2+7w==");
        assertThat(row.get("v_uuid").asText()).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(row.get("v_null").isNull()).isTrue();
    }

    @Test
    @DisplayName("every parameter type is bound with its SQL type and comes back as sent")
    void every_parameter_type_round_trips() {
        ApiClient.Response response = api.execute("params", "echo", FULL, "{\"parameter_values\": {"
                + "\"s\": \"olá\", \"i\": 7, \"n\": 0.1, \"b\": false, \"d\": \"2024-02-29\","
                + " \"t\": \"2026-04-11T12:30:00+02:00\", \"sl\": [\"a\", \"c\"], \"il\": [1, 9007199254740993],"
                + " \"req\": \"x\"}}");
        assertThat(response.status()).isEqualTo(200);
        JsonNode row = response.json().get("rows").get(0);
        assertThat(row.get("s").asText()).isEqualTo("olá");
        assertThat(row.get("i").asLong()).isEqualTo(7);
        assertThat(response.body()).contains("\"n\":0.1");
        assertThat(row.get("b").asBoolean()).isFalse();
        assertThat(row.get("d").asText()).isEqualTo("2024-02-29");
        assertThat(row.get("t").asText()).isEqualTo("2026-04-11T10:30:00Z");
        assertThat(row.get("sl").toString()).isEqualTo("[\"a\",\"c\"]");
        assertThat(row.get("il").toString()).isEqualTo("[1,9007199254740993]");
    }

    @Test
    @DisplayName("omitted optional parameters bind as typed NULLs and defaults apply")
    void omitted_parameters_use_defaults_or_null() {
        JsonNode row = api.execute("params", "echo", FULL, "{\"parameter_values\": {\"req\": \"x\"}}").json().get("rows").get(0);
        assertThat(row.get("d").asText()).isEqualTo("2026-01-01");
        assertThat(row.get("s").isNull()).isTrue();
        assertThat(row.get("sl").isNull()).isTrue();
    }

    @Test
    @DisplayName("an SQL injection string in a parameter comes back verbatim and harms nothing")
    void injection_string_is_only_data() throws Exception {
        String evil = "'; DELETE FROM e2e.victims; --";
        ApiClient.Response response = api.execute("broken", "injection", FULL,
                "{\"parameter_values\": {\"name\": " + ApiClient.JSON.writeValueAsString(evil) + "}}");
        assertThat(response.status()).isEqualTo(200);
        JsonNode row = response.json().get("rows").get(0);
        assertThat(row.get("name").asText()).isEqualTo(evil);
        assertThat(row.get("victims").asInt()).isEqualTo(2);
        assertThat(victimCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("a share-context pin is used when the caller omits the parameter, over the endpoint default")
    void pinned_value_is_injected() {
        JsonNode row = api.execute("shared", "by-region", "e2e-acme-pinned-token", "{}").json().get("rows").get(0);
        assertThat(row.get("region").asText()).isEqualTo("Sul");
        assertThat(row.get("regions").toString()).isEqualTo("[\"Sul\",\"Sudeste\"]");

        JsonNode unpinned = api.execute("shared", "by-region", FULL, "{}").json().get("rows").get(0);
        assertThat(unpinned.get("region").asText()).isEqualTo("Norte");
    }

    @Test
    @DisplayName("a pinned key may ask for a subset of its pinned list and exactly its pinned scalar")
    void pinned_subset_is_allowed() {
        ApiClient.Response response = api.execute("shared", "by-region", "e2e-acme-pinned-token",
                "{\"parameter_values\": {\"region\": \"Sul\", \"regions\": [\"Sudeste\"]}}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("rows").get(0).get("regions").toString()).isEqualTo("[\"Sudeste\"]");

        JsonNode pinnedOnly = api.execute("shared", "pinned-only", "e2e-acme-pinned-token", null).json();
        assertThat(pinnedOnly.get("rows").toString()).isEqualTo("[{\"region\":\"Sul\",\"total\":20.25}]");
    }

    @Test
    @DisplayName("health: live is always up, ready is up while the catalog database answers")
    void health_endpoints() {
        var live = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/health/live")).build());
        var ready = api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + "/health/ready")).build());
        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("UP");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static int victimCount() throws Exception {
        try (var connection = TestServer.get().database().getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("SELECT count(*) FROM e2e.victims")) {
            result.next();
            return result.getInt(1);
        }
    }
}
