package dev.dataapi.app;

import static dev.dataapi.app.ErrorResponsesEndToEndTest.assertProblem;
import static dev.dataapi.app.ErrorResponsesEndToEndTest.withoutRequestId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Async execution over real HTTP: submit, poll, results, failures and who may read a job. */
class AsyncExecutionEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final ApiClient api = TestServer.get().client;

    @Test
    @DisplayName("submit answers 202 with job_id, processing and the real polling_url; polling ends completed with the exact result")
    void submit_then_poll_until_completed() {
        Instant before = Instant.now().minusSeconds(1);
        ApiClient.Response accepted = api.execute("jobs", "numbers", FULL, "{\"parameter_values\": {\"count\": 6}}");

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        JsonNode body = accepted.json();
        assertThat(SyncExecutionEndToEndTest.fieldNames(body)).containsExactly("job_id", "status", "polling_url");
        String jobId = body.get("job_id").asText();
        assertThat(jobId).matches("[0-9a-f]{24}");
        assertThat(body.get("status").asText()).isEqualTo("processing");
        assertThat(body.get("polling_url").asText()).isEqualTo("/api/v1/data-api/jobs/numbers/jobs/" + jobId);
        assertThat(accepted.header("Location")).isEqualTo(body.get("polling_url").asText());

        JsonNode job = api.awaitJob("jobs", "numbers", jobId, FULL, LIMIT);
        assertThat(SyncExecutionEndToEndTest.fieldNames(job))
                .containsExactly("job_id", "status", "result", "error", "created_at", "completed_at");
        assertThat(job.get("job_id").asText()).isEqualTo(jobId);
        assertThat(job.get("status").asText()).isEqualTo("completed");
        assertThat(job.get("error").isNull()).isTrue();
        JsonNode result = job.get("result");
        assertThat(SyncExecutionEndToEndTest.fieldNames(result)).containsExactly("columns", "rows", "row_count", "truncated");
        assertThat(result.get("columns").toString())
                .isEqualTo("[{\"name\":\"n\",\"type\":\"int8\"},{\"name\":\"label\",\"type\":\"text\"}]");
        assertThat(result.get("rows").toString()).isEqualTo("[{\"n\":1,\"label\":\"row 1\"},{\"n\":2,\"label\":\"row 2\"},"
                + "{\"n\":3,\"label\":\"row 3\"},{\"n\":4,\"label\":\"row 4\"},{\"n\":5,\"label\":\"row 5\"}]");
        assertThat(result.get("row_count").asInt()).isEqualTo(5);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        Instant created = Instant.parse(job.get("created_at").asText());
        Instant completed = Instant.parse(job.get("completed_at").asText());
        assertThat(created).isAfter(before);
        assertThat(completed).isAfterOrEqualTo(created);
    }

    @Test
    @DisplayName("failing SQL ends the job failed with a safe message")
    void failing_sql_fails_the_job_safely() {
        String jobId = submit("jobs", "failing", FULL, "{}");
        JsonNode job = api.awaitJob("jobs", "failing", jobId, FULL, LIMIT);
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("result").isNull()).isTrue();
        assertThat(job.get("completed_at").isNull()).isFalse();
        String error = job.get("error").asText();
        assertThat(error).isNotBlank().contains(jobId);
        assertThat(error).doesNotContain("table_that_does_not_exist", "secret_column", "SELECT", "ERROR:", "42P01");
    }

    @Test
    @DisplayName("an async timeout fails the job and leaves no query running on the database")
    void async_timeout_cancels_the_query() throws Exception {
        String jobId = submit("jobs", "slow", FULL, null);
        JsonNode job = api.awaitJob("jobs", "slow", jobId, FULL, LIMIT);
        assertThat(job.get("status").asText()).isEqualTo("failed");
        assertThat(job.get("error").asText()).contains("1 second");
        assertThat(activeQueries("e2e-async-slow")).isZero();
    }

    @Test
    @DisplayName("a 10,000-row result of about 25 MB completes and reads back whole")
    void wide_result_is_stored_whole() {
        String jobId = submit("jobs", "wide", FULL, null);
        JsonNode job = api.awaitJob("jobs", "wide", jobId, FULL, Duration.ofSeconds(120));
        assertThat(job.get("status").asText()).as(job.toString().substring(0, Math.min(500, job.toString().length())))
                .isEqualTo("completed");
        JsonNode rows = job.get("result").get("rows");
        assertThat(rows).hasSize(10_000);
        assertThat(job.get("result").get("truncated").asBoolean()).isFalse();
        for (int i = 0; i < 10_000; i += 997) {
            int n = i + 1;
            assertThat(rows.get(i).get("n").asInt()).isEqualTo(n);
            assertThat(rows.get(i).get("payload").asText()).isEqualTo(String.valueOf((char) ('A' + n % 26)).repeat(2500));
        }
    }

    @Test
    @DisplayName("every check of the sync path answers before a job exists: 401, 400, 403, 404, 422")
    void rejected_submissions_store_no_job() throws Exception {
        long before = storedJobs();
        assertProblem(api.execute("jobs", "numbers", null, "{}"), 401, "UNAUTHORIZED");
        assertProblem(api.execute("jobs", "Numbers", FULL, "{}"), 400, "INVALID_PARAMS");
        assertProblem(api.execute("jobs", "numbers", "e2e-acme-jobs-only-token", "{}"), 403, "FORBIDDEN");
        assertProblem(api.execute("jobs", "nothing", FULL, "{}"), 404, "ENDPOINT_NOT_FOUND");
        assertProblem(api.execute("jobs", "numbers", FULL, "{\"parameter_values\": {\"count\": \"x\"}}"), 422,
                "INVALID_PARAMETER");
        assertProblem(api.execute("jobs", "by-region", "e2e-acme-pinned-token",
                "{\"parameter_values\": {\"region\": \"Norte\"}}"), 422, "SHARE_CONTEXT_VIOLATION");
        assertProblem(api.execute("jobs", "numbers", FULL, "{\"callback_url\": \"http://example.com/hook\"}"), 422,
                "INVALID_PARAMETER");
        assertThat(storedJobs()).isEqualTo(before);
    }

    @Test
    @DisplayName("reading a job needs data_api:get_job and a resolvable endpoint")
    void get_job_permission_and_endpoint() {
        String jobId = submit("jobs", "numbers", FULL, "{}");
        assertProblem(api.job("jobs", "numbers", jobId, null), 401, "UNAUTHORIZED");
        assertProblem(api.job("jobs", "numbers", jobId, "e2e-acme-exec-only-token"), 403, "FORBIDDEN");
        assertProblem(api.job("jobs", "no-such-endpoint", jobId, FULL), 404, "ENDPOINT_NOT_FOUND");
        assertProblem(api.job("Jobs", "numbers", jobId, FULL), 400, "INVALID_PARAMS");
        assertThat(api.job("jobs", "numbers", jobId, "e2e-acme-jobs-only-token").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("JOB_NOT_FOUND is identical for a malformed, unknown, other endpoint's, other company's or other share context's job")
    void job_not_found_is_no_oracle() {
        String jobId = submit("jobs", "numbers", FULL, "{}");
        String northJob = submit("jobs", "by-region", "e2e-acme-pinned-north-token", "{}");
        List<ApiClient.Response> misses = List.of(
                api.job("jobs", "numbers", "not-a-job-id", FULL),
                api.job("jobs", "numbers", "0123456789abcdef01234567", FULL),
                api.job("jobs", "other-endpoint", jobId, FULL),
                api.job("jobs", "by-region", northJob, "e2e-acme-pinned-token"),
                api.job("jobs", "by-region", northJob, FULL));
        for (ApiClient.Response miss : misses) {
            assertProblem(miss, 404, "JOB_NOT_FOUND");
        }
        assertThat(misses.stream().map(ErrorResponsesEndToEndTest::withoutRequestId).distinct()).hasSize(1);
        // Another company's key: acme's endpoint does not exist for it, and its own endpoint has no such job.
        assertProblem(api.job("jobs", "numbers", jobId, "e2e-other-full-token"), 404, "ENDPOINT_NOT_FOUND");
        assertThat(withoutRequestId(api.job("secret", "data", jobId, "e2e-other-full-token")))
                .isEqualTo(withoutRequestId(misses.get(0)));

        JsonNode own = api.awaitJob("jobs", "by-region", northJob, "e2e-acme-pinned-north-token", LIMIT);
        assertThat(own.get("result").get("rows").toString()).isEqualTo("[{\"region\":\"Norte\"}]");
        assertThat(withoutRequestId(api.job("jobs", "numbers", jobId, "e2e-acme-pinned-token")))
                .isEqualTo(withoutRequestId(misses.get(0)));
    }

    @ParameterizedTest
    @CsvSource({
            "http://example.com/hook, NOT_HTTPS",
            "https://user:secret@example.com/hook, INVALID_URL",
            "not a url, INVALID_URL",
            "https://127.0.0.1/hook, REFUSED_ADDRESS",
            "https://localhost/hook, REFUSED_ADDRESS",
            "https://10.0.0.7/hook, REFUSED_ADDRESS",
            "https://169.254.169.254/latest/meta-data, REFUSED_ADDRESS",
            "https://[::ffff:127.0.0.1]/hook, REFUSED_ADDRESS",
            "https://2130706433/hook, REFUSED_ADDRESS",
            "https://0x7f000001/hook, REFUSED_ADDRESS",
            "https://0177.0.0.1/hook, REFUSED_ADDRESS",
            "https://100.64.0.1/hook, REFUSED_ADDRESS"})
    @DisplayName("a callback_url that is not https or points at a refused address answers 422 and stores no job")
    void refused_callback_urls(String url, String code) throws Exception {
        long before = storedJobs();
        ApiClient.Response response = api.execute("jobs", "numbers", FULL,
                "{\"callback_url\": " + ApiClient.JSON.writeValueAsString(url) + "}");
        assertProblem(response, 422, "INVALID_PARAMETER");
        JsonNode problem = response.json().get("errors").get(0);
        assertThat(problem.get("parameter").asText()).isEqualTo("callback_url");
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("secret@");
        assertThat(storedJobs()).isEqualTo(before);
    }

    private String submit(String namespace, String slug, String token, String body) {
        ApiClient.Response accepted = api.execute(namespace, slug, token, body);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        return accepted.json().get("job_id").asText();
    }

    private long storedJobs() {
        return TestServer.get().storedJobCount();
    }

    private static int activeQueries(String marker) throws Exception {
        try (Connection connection = TestServer.get().database().getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                     + " WHERE query LIKE ? AND pid <> pg_backend_pid() AND state = 'active'")) {
            statement.setString(1, "%" + marker + "%");
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
