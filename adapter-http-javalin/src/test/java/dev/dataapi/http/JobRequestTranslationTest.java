package dev.dataapi.http;

import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A job read reaches the use case as sent, and its refusals become problems")
class JobRequestTranslationTest {

    private static final AtomicReference<GetJobCommand> RECEIVED = new AtomicReference<>();
    private static final AtomicReference<Rejection> NEXT = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new RecordingExecute().answeringEmptyResult(), command -> {
            RECEIVED.set(command);
            return new GetJobOutcome.Rejected(NEXT.get());
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> ''{1}'' ''{2}'' ''{3}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "sales/by-region/jobs/507f1f77bcf86cd799439011 | sales    | by-region | 507f1f77bcf86cd799439011",
            "Sales/by_region/jobs/not-a-job                | Sales    | by_region | not-a-job",
            "sal%65s/a%2Fb/jobs/%7Bid%7D                   | sales    | a/b       | {id}",
            "sales//jobs/abc                               | sales    | ''        | abc",
            "//jobs/abc                                    | ''       | ''        | abc",
            "sales/by-region/jobs/                         | sales    | by-region | ''",
            "sales/jobs/abc                                | sales    | ''        | abc",
            "jobs/abc                                      | ''       | ''        | abc",
    })
    void given_job_path_when_read_then_use_case_gets_the_decoded_segments_unjudged(String rest, String namespace,
                                                                                  String slug, String jobId) {
        NEXT.set(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."));

        HttpResponse<String> response = server.get("/api/v1/data-api/" + rest);

        assertThat(response.statusCode()).isEqualTo(401);
        GetJobCommand command = RECEIVED.get();
        assertThat(command.namespace()).isEqualTo(namespace);
        assertThat(command.slug()).isEqualTo(slug);
        assertThat(command.jobId()).isEqualTo(jobId);
    }

    @ParameterizedTest(name = "Authorization ''{0}'' -> token ''{1}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "Bearer dak_abc123    | dak_abc123",
            "bearer   dak_abc123  | dak_abc123",
            "Basic dXNlcjpwYXNz   | ''",
            "Bearer a b           | ''",
    })
    void given_authorization_header_when_reading_a_job_then_only_a_bearer_token_is_passed(String header,
                                                                                         String token) {
        NEXT.set(Rejection.of(RejectionCode.JOB_NOT_FOUND, "There is no such job."));

        server.get("/api/v1/data-api/sales/by-region/jobs/x", "Authorization", header);

        assertThat(RECEIVED.get().bearerToken()).isEqualTo(token.isEmpty() ? Optional.empty() : Optional.of(token));
    }

    @Test
    void given_no_authorization_when_reading_a_job_then_no_token_and_the_request_id_is_passed_and_echoed() {
        NEXT.set(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."));

        HttpResponse<String> response = server.get("/api/v1/data-api/sales/by-region/jobs/x", "X-Request-Id", "rid-job");

        assertThat(RECEIVED.get().bearerToken()).isEmpty();
        assertThat(RECEIVED.get().requestId()).isEqualTo("rid-job");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("rid-job");
        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"data-api\"");
    }

    @Test
    void given_head_request_without_a_key_when_reading_a_job_then_the_use_case_answers_401_as_for_get() {
        NEXT.set(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."));
        RECEIVED.set(null);

        HttpResponse<String> response = server.call("HEAD", "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(RECEIVED.get().jobId()).isEqualTo(Jobs.ID);
        assertThat(response.body()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "UNAUTHORIZED        | 401 | Unauthorized",
            "INVALID_PARAMS      | 400 | Invalid request",
            "FORBIDDEN           | 403 | Forbidden",
            "ENDPOINT_NOT_FOUND  | 404 | Endpoint not found",
            "JOB_NOT_FOUND       | 404 | Job not found",
            "RATE_LIMITED        | 429 | Too many requests",
            "INTERNAL_ERROR      | 500 | Internal error",
    })
    void given_rejection_when_reading_a_job_then_status_and_problem_body_match(RejectionCode code, int status,
                                                                              String title) {
        NEXT.set(Rejection.of(code, "Not this one."));

        HttpResponse<String> response = server.get("/api/v1/data-api/sales/by-region/jobs/x", "X-Request-Id", "rid-r");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEqualTo("{\"type\":\"/problems/" + code.name().toLowerCase().replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"Not this one.\",\"code\":\""
                + code + "\",\"request_id\":\"rid-r\"}");
    }

    @Test
    void given_capacity_rejection_when_reading_a_job_then_503_with_retry_after() {
        NEXT.set(new Rejection(RejectionCode.SERVICE_UNAVAILABLE, "The job store is busy.", List.of(),
                Optional.of(Duration.ofMillis(2500))));

        HttpResponse<String> response = server.get("/api/v1/data-api/sales/by-region/jobs/x");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("3");
    }
}
