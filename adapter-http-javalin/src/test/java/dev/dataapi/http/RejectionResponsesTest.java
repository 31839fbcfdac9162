package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every rejection is answered with its status and an RFC 9457 problem body")
class RejectionResponsesTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/execute";
    private static final AtomicReference<Rejection> NEXT = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start((command, sink) -> new ExecuteOutcome.Rejected(NEXT.get()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "UNAUTHORIZED            | 401 | Unauthorized            | unauthorized",
            "INVALID_PARAMS          | 400 | Invalid request         | invalid-params",
            "FORBIDDEN               | 403 | Forbidden               | forbidden",
            "ENDPOINT_NOT_FOUND      | 404 | Endpoint not found      | endpoint-not-found",
            "JOB_NOT_FOUND           | 404 | Job not found           | job-not-found",
            "PAYLOAD_TOO_LARGE       | 413 | Payload too large       | payload-too-large",
            "RATE_LIMITED            | 429 | Too many requests       | rate-limited",
            "EXECUTION_TIMEOUT       | 408 | Execution timed out     | execution-timeout",
            "EXECUTION_ERROR         | 500 | Execution error         | execution-error",
            "SERVICE_UNAVAILABLE     | 503 | Service unavailable     | service-unavailable",
            "INTERNAL_ERROR          | 500 | Internal error          | internal-error",
    })
    void given_rejection_when_executing_then_status_and_problem_body_match(RejectionCode code, int status, String title,
                                                                          String type) {
        NEXT.set(Rejection.of(code, "It went \"wrong\"."));

        HttpResponse<String> response = server.postEmpty(PATH, "X-Request-Id", "rid-1");

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        // Only a 429 always says when to retry, with a second when the use case gave no wait nor quota.
        assertThat(response.headers().firstValue("Retry-After"))
                .isEqualTo(code == RejectionCode.RATE_LIMITED ? Optional.of("1") : Optional.empty());
        assertThat(response.body()).isEqualTo("{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"It went \\\"wrong\\\".\",\"code\":\"" + code + "\",\"request_id\":\"rid-1\"}");
    }

    @ParameterizedTest(name = "{0} lists its errors")
    @EnumSource(value = RejectionCode.class, names = {"INVALID_PARAMETER", "SHARE_CONTEXT_VIOLATION"})
    void given_unprocessable_rejection_when_executing_then_422_lists_every_problem(RejectionCode code) {
        NEXT.set(Rejection.withProblems(code, "2 parameters are invalid.", List.of(
                new ParameterProblem("since", "INVALID_TYPE", "'since' must be a date"),
                new ParameterProblem("regions", "REQUIRED", "'regions' is required"))));

        HttpResponse<String> response = server.postEmpty(PATH, "X-Request-Id", "rid-2");

        String kebab = code.name().toLowerCase().replace('_', '-');
        String title = code == RejectionCode.INVALID_PARAMETER ? "Invalid parameter" : "Share context violation";
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).isEqualTo("{\"type\":\"/problems/" + kebab + "\",\"title\":\"" + title
                + "\",\"status\":422,\"detail\":\"2 parameters are invalid.\",\"code\":\"" + code
                + "\",\"request_id\":\"rid-2\",\"errors\":["
                + "{\"parameter\":\"since\",\"code\":\"INVALID_TYPE\",\"message\":\"'since' must be a date\"},"
                + "{\"parameter\":\"regions\",\"code\":\"REQUIRED\",\"message\":\"'regions' is required\"}]}");
    }

    @Test
    void given_unprocessable_rejection_without_problems_when_executing_then_errors_is_an_empty_list() {
        NEXT.set(Rejection.of(RejectionCode.SHARE_CONTEXT_VIOLATION, "This key cannot run this endpoint."));

        HttpResponse<String> response = server.postEmpty(PATH);

        assertThat(response.body()).endsWith(",\"errors\":[]}");
    }

    @Test
    void given_unauthorized_when_executing_then_bearer_challenge_is_sent() {
        NEXT.set(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."));

        HttpResponse<String> response = server.postEmpty(PATH);

        assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"data-api\"");
    }

    @ParameterizedTest(name = "{0} with {1} ms to wait -> Retry-After {2}")
    @CsvSource({
            "RATE_LIMITED, 1500, 2",
            "RATE_LIMITED, 1000, 1",
            "SERVICE_UNAVAILABLE, 30000, 30",
            "SERVICE_UNAVAILABLE, 1, 1",
    })
    void given_rejection_with_retry_after_when_executing_then_seconds_are_rounded_up(RejectionCode code, long millis,
                                                                                   String seconds) {
        NEXT.set(new Rejection(code, "Try again later.", List.of(), Optional.of(Duration.ofMillis(millis))));

        HttpResponse<String> response = server.postEmpty(PATH);

        assertThat(response.headers().firstValue("Retry-After")).contains(seconds);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }
}
