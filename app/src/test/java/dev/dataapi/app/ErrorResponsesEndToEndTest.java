package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error row of the contract, over real HTTP against a real PostgreSQL. */
class ErrorResponsesEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";
    private static final String PINNED = "e2e-acme-pinned-token";
    private final ApiClient api = TestServer.get().client;

    @Test
    @DisplayName("401 for a missing header, another scheme, an unknown, an expired or a revoked token: one identical answer")
    void unauthorized_cases_are_indistinguishable() {
        List<ApiClient.Response> responses = List.of(
                api.execute("numbers", "series", null, "{}"),
                api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/data-api/numbers/series/execute"))
                        .header("Authorization", "Basic " + FULL).POST(HttpRequest.BodyPublishers.noBody()).build()),
                api.execute("numbers", "series", "no-such-token", "{}"),
                api.execute("numbers", "series", "e2e-acme-expired-token", "{}"),
                api.execute("numbers", "series", "e2e-acme-revoked-token", "{}"));
        for (ApiClient.Response response : responses) {
            assertProblem(response, 401, "UNAUTHORIZED");
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertThat(responses.stream().map(ErrorResponsesEndToEndTest::withoutRequestId).distinct()).hasSize(1);
    }

    @Test
    @DisplayName("401 comes before 400: an unauthenticated caller with a bad path learns nothing about the path")
    void authentication_is_checked_first() {
        assertProblem(api.execute("Bad_Namespace", "series", null, "{}"), 401, "UNAUTHORIZED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/data-api//series/execute", "/api/v1/data-api/numbers//execute",
            "/api/v1/data-api/numbers/execute", "/api/v1/data-api/Numbers/series/execute",
            "/api/v1/data-api/numbers/series_x/execute", "/api/v1/data-api/-numbers/series/execute"})
    @DisplayName("400 INVALID_PARAMS for a missing, empty or non-kebab-case namespace or slug")
    void invalid_path(String path) {
        assertProblem(api.post(path, FULL, "{}"), 400, "INVALID_PARAMS");
    }

    @Test
    @DisplayName("400 INVALID_PARAMS for a body that is not JSON or not an object")
    void unreadable_body() {
        assertProblem(api.execute("numbers", "series", FULL, "{not json"), 400, "INVALID_PARAMS");
        assertProblem(api.execute("numbers", "series", FULL, "[1, 2]"), 400, "INVALID_PARAMS");
        ApiClient.Response unknownField = api.execute("numbers", "series", FULL, "{\"parameters\": {\"count\": 1}}");
        assertProblem(unknownField, 400, "INVALID_PARAMS");
        assertThat(unknownField.json().get("detail").asText()).contains("parameters");
    }

    @Test
    @DisplayName("403 FORBIDDEN for a key without data_api:execute, before the endpoint is looked up")
    void forbidden() {
        assertProblem(api.execute("numbers", "series", "e2e-acme-jobs-only-token", "{}"), 403, "FORBIDDEN");
        assertProblem(api.execute("no-such", "endpoint", "e2e-acme-jobs-only-token", "{}"), 403, "FORBIDDEN");
    }

    @Test
    @DisplayName("404 ENDPOINT_NOT_FOUND is identical for an unknown, an inactive and another company's endpoint")
    void endpoint_not_found_is_no_oracle() {
        ApiClient.Response unknown = api.execute("no-such", "endpoint", FULL, "{}");
        ApiClient.Response inactive = api.execute("old", "inactive", FULL, "{}");
        ApiClient.Response otherCompany = api.execute("secret", "data", FULL, "{}");
        assertProblem(unknown, 404, "ENDPOINT_NOT_FOUND");
        // The answers differ only in echoing the caller's own path back.
        String expected = withoutRequestId(unknown).replace("no-such/endpoint", "{path}");
        assertThat(withoutRequestId(inactive).replace("old/inactive", "{path}")).isEqualTo(expected);
        assertThat(withoutRequestId(otherCompany).replace("secret/data", "{path}")).isEqualTo(expected);
        assertThat(api.execute("secret", "data", "e2e-other-full-token", "{}").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("422 lists every parameter problem at once, each naming its parameter")
    void every_parameter_problem_is_reported() {
        ApiClient.Response response = api.execute("params", "echo", FULL, "{\"parameter_values\": {"
                + "\"s\": \"much too long\", \"i\": 101, \"n\": -2, \"b\": \"true\", \"d\": \"11/04/2026\","
                + " \"t\": \"2026-04-11T10:30:00\", \"sl\": [\"a\", \"z\", \"b\"], \"il\": [1.5], \"typo\": 1}}");
        assertProblem(response, 422, "INVALID_PARAMETER");
        List<String> problems = new ArrayList<>();
        response.json().get("errors").forEach(error -> {
            assertThat(error.get("message").asText()).contains(error.get("parameter").asText());
            problems.add(error.get("parameter").asText() + ":" + error.get("code").asText());
        });
        assertThat(problems).contains("s:TOO_LONG", "i:ABOVE_MAX", "n:BELOW_MIN", "b:INVALID_TYPE", "d:INVALID_TYPE",
                "t:INVALID_TYPE", "sl:NOT_ALLOWED", "sl:TOO_MANY_ITEMS", "il:INVALID_TYPE", "typo:UNKNOWN_PARAMETER",
                "req:REQUIRED");
    }

    @Test
    @DisplayName("422 for a value of the wrong JSON type: a string is not an integer")
    void strict_types() {
        ApiClient.Response response = api.execute("numbers", "series", FULL, "{\"parameter_values\": {\"count\": \"3\"}}");
        assertProblem(response, 422, "INVALID_PARAMETER");
        assertThat(response.json().get("errors").get(0).get("code").asText()).isEqualTo("INVALID_TYPE");
    }

    @Test
    @DisplayName("422 SHARE_CONTEXT_VIOLATION for another scalar, a list outside the pin, an empty list, a missing pin")
    void share_context_violations() {
        ApiClient.Response otherRegion = api.execute("shared", "by-region", PINNED,
                "{\"parameter_values\": {\"region\": \"Norte\"}}");
        assertProblem(otherRegion, 422, "SHARE_CONTEXT_VIOLATION");
        assertThat(otherRegion.json().get("errors").get(0).get("parameter").asText()).isEqualTo("region");
        assertThat(otherRegion.body()).doesNotContain("Sul").doesNotContain("Sudeste");

        assertProblem(api.execute("shared", "by-region", PINNED,
                "{\"parameter_values\": {\"regions\": [\"Sul\", \"Norte\"]}}"), 422, "SHARE_CONTEXT_VIOLATION");
        assertProblem(api.execute("shared", "by-region", PINNED,
                "{\"parameter_values\": {\"regions\": []}}"), 422, "SHARE_CONTEXT_VIOLATION");
        ApiClient.Response unpinned = api.execute("shared", "pinned-only", FULL, "{}");
        assertProblem(unpinned, 422, "SHARE_CONTEXT_VIOLATION");
        assertThat(unpinned.json().get("errors").get(0).get("parameter").asText()).isEqualTo("region");
    }

    @Test
    @DisplayName("422 for a callback_url on a sync endpoint")
    void callback_on_sync_endpoint() {
        ApiClient.Response response = api.execute("numbers", "series", FULL,
                "{\"parameter_values\": {\"count\": 1}, \"callback_url\": \"https://example.com/hook\"}");
        assertProblem(response, 422, "INVALID_PARAMETER");
        assertThat(response.json().get("errors").get(0).get("parameter").asText()).isEqualTo("callback_url");
    }

    @Test
    @DisplayName("408 EXECUTION_TIMEOUT past the endpoint's timeout, and the query is gone from the database")
    void timeout_cancels_the_query() throws Exception {
        long started = System.nanoTime();
        ApiClient.Response response = api.execute("slow", "sleep", FULL, "{}");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertProblem(response, 408, "EXECUTION_TIMEOUT");
        assertThat(took).isLessThan(Duration.ofSeconds(10));
        assertThat(runningSlowQueries()).isZero();
    }

    @Test
    @DisplayName("500 EXECUTION_ERROR says nothing of the SQL, the driver or the stack")
    void execution_error_leaks_nothing() {
        ApiClient.Response response = api.execute("broken", "missing-table", FULL, "{}");
        assertProblem(response, 500, "EXECUTION_ERROR");
        assertThat(response.body()).doesNotContain("table_that_does_not_exist", "secret_column", "SELECT", "ERROR:",
                "postgresql", "PSQLException", "SQLState", "at dev.");
        assertThat(response.json().get("detail").asText()).contains(response.json().get("request_id").asText());
    }

    @Test
    @DisplayName("a write attempted by endpoint SQL fails and changes nothing")
    void writes_fail() throws Exception {
        assertProblem(api.execute("broken", "write", FULL, "{}"), 500, "EXECUTION_ERROR");
        assertThat(SyncExecutionEndToEndTest.victimCount()).isEqualTo(2);
    }

    @Test
    @DisplayName("413 PAYLOAD_TOO_LARGE for a body over 1 MiB")
    void payload_too_large() {
        String big = "{\"parameter_values\": {\"s\": \"" + "x".repeat(1024 * 1024) + "\"}}";
        assertProblem(api.execute("params", "echo", FULL, big), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    @DisplayName("a valid X-Request-Id is echoed and appears in the problem body")
    void request_id_is_echoed() {
        ApiClient.Response response = api.send(HttpRequest.newBuilder(
                        URI.create(api.base() + "/api/v1/data-api/no-such/endpoint/execute"))
                .header("Authorization", "Bearer " + FULL).header("X-Request-Id", "partner-req-42")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.header("X-Request-Id")).isEqualTo("partner-req-42");
        assertThat(response.json().get("request_id").asText()).isEqualTo("partner-req-42");
    }

    static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("type").asText()).isNotBlank();
        assertThat(body.get("request_id").asText()).isEqualTo(response.header("X-Request-Id"));
    }

    static String withoutRequestId(ApiClient.Response response) {
        ObjectNode body = (ObjectNode) response.json();
        body.remove("request_id");
        return response.status() + " " + body;
    }

    private int runningSlowQueries() throws Exception {
        try (Connection connection = TestServer.get().database().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%e2e-slow-query%' AND pid <> pg_backend_pid()"
                             + " AND state = 'active'");
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getInt(1);
        }
    }
}
