package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("What no route serves is still answered with a problem")
class RoutingTest {

    private static final AtomicBoolean CALLED = new AtomicBoolean();
    private static TestServer server;

    @BeforeAll
    static void start() {
        ExecuteEndpoint execute = (command, sink) -> {
            CALLED.set(true);
            if ("boom".equals(command.slug())) {
                throw new IllegalStateException("connection to db-internal-7:5432 refused: SELECT secret FROM t");
            }
            if ("error".equals(command.slug())) {
                throw new AssertionError("invariant broken near db-internal-7");
            }
            return RecordingExecute.EMPTY_RESULT;
        };
        server = TestServer.start(execute, command -> {
            CALLED.set(true);
            return new GetJobOutcome.Rejected(Rejection.of(RejectionCode.JOB_NOT_FOUND, "There is no such job."));
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} -> 404")
    @CsvSource({
            "GET, /nope",
            "POST, /api/v1/data-api",
            "POST, /api/v1/data-api/sales/by-region",
            "POST, /api/v1/data-api/sales/by-region/run",
            "POST, /api/v1/data-api/a/b/c/execute",
            "POST, /api/v1/data-api/sales/by-region/execute/",
            "GET, /health/live/",
            "GET, /api/v1/data-api/",
            "GET, /api/v1/data-api/sales/by-region/jobs",
            "GET, /api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011/",
            "GET, /api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011/result",
            "GET, /api/v1/data-api/a/b/c/jobs/507f1f77bcf86cd799439011",
            "GET, /api/v1/data-api/sales/by-region/job/507f1f77bcf86cd799439011",
            "PUT, /api/v1/data-api/sales/by-region/jobs",
            "DELETE, /api/v1/data-api/sales/by-region",
    })
    void given_unknown_path_when_requested_then_404_problem_and_use_case_not_called(String method, String path) {
        CALLED.set(false);

        HttpResponse<String> response = server.call(method, path, "X-Request-Id", "rid-404");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("rid-404");
        assertThat(response.body()).startsWith("{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,")
                .contains("\"code\":\"NOT_FOUND\",\"request_id\":\"rid-404\"}");
        assertThat(CALLED).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} -> 405, Allow: {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /api/v1/data-api/sales/by-region/execute                       | POST",
            "PUT    | /api/v1/data-api/sales/by-region/execute                       | POST",
            "DELETE | /api/v1/data-api//execute                                      | POST",
            "GET    | /api/v1/data-api/sales/jobs/execute                            | POST",
            "POST   | /api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011 | GET, HEAD",
            "PUT    | /api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011 | GET, HEAD",
            "DELETE | /api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011 | GET, HEAD",
            "POST   | /api/v1/data-api/sales//jobs/                                  | GET, HEAD",
            "DELETE | /health/live                                                   | GET, HEAD",
            "POST   | /health/ready                                                  | GET, HEAD",
    })
    void given_known_path_when_requested_with_another_method_then_405_problem_with_allow(String method, String path,
                                                                                         String allow) {
        CALLED.set(false);

        HttpResponse<String> response = server.call(method, path);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains(allow);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(CALLED).isFalse();
        assertThat(response.body()).startsWith("{\"type\":\"/problems/method-not-allowed\",\"title\":\"Method not allowed\","
                + "\"status\":405,").contains("\"code\":\"METHOD_NOT_ALLOWED\"");
    }

    @ParameterizedTest(name = "HEAD {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/data-api/sales/by-region/execute | 405 | POST",
            "/api/v1/data-api/sales/by-region/run     | 404 | ''",
    })
    void given_head_request_on_an_api_path_that_is_no_job_when_sent_then_status_and_headers_of_the_problem(
            String path, int status, String allow) {
        CALLED.set(false);

        HttpResponse<String> response = server.call("HEAD", path);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Allow").orElse("")).isEqualTo(allow);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).isEmpty();
        assertThat(CALLED).isFalse();
    }

    @Test
    void given_use_case_throws_when_executing_then_500_problem_without_the_exception_text() {
        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sales/boom/execute", "X-Request-Id", "rid-500");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("rid-500");
        assertThat(response.body()).isEqualTo("{\"type\":\"/problems/internal-error\",\"title\":\"Internal error\","
                + "\"status\":500,\"detail\":\"Something went wrong on our side. Quote the request id when reporting it.\","
                + "\"code\":\"INTERNAL_ERROR\",\"request_id\":\"rid-500\"}");
        assertThat(response.body()).doesNotContain("db-internal", "SELECT", "IllegalStateException");
    }

    @Test
    void given_use_case_fails_with_an_error_when_executing_then_500_problem_with_the_same_request_id() {
        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sales/error/execute", "X-Request-Id", "rid-err");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("rid-err");
        assertThat(response.body()).contains("\"code\":\"INTERNAL_ERROR\",\"request_id\":\"rid-err\"")
                .doesNotContain("db-internal", "AssertionError");
    }

    @Test
    void given_request_jetty_cannot_parse_when_sent_then_400_problem_with_a_request_id() throws IOException {
        String response = rawRequest("GET /api/v1/data-api/%zz/x/execute HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n");

        // Jetty refuses the request line before reading headers, so the id is always a fresh one.
        Matcher id = Pattern.compile("(?m)^X-Request-Id: ([^\r\n]+)").matcher(response);
        assertThat(id.find()).as("X-Request-Id header in%n%s", response).isTrue();
        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).contains("Content-Type: application/problem+json", "X-Content-Type-Options: nosniff");
        assertThat(response).doesNotContain("Server:");
        assertThat(response).endsWith("{\"type\":\"/problems/bad-request\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"The server could not process the request (bad request).\",\"code\":\"BAD_REQUEST\","
                + "\"request_id\":\"" + id.group(1) + "\"}");
    }

    private static String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
