package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.GetJob;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Only a request with exactly one Authorization header can authenticate")
class AuthorizationHeaderTest {

    private static final String EXECUTE = "/api/v1/data-api/sales/by-region/execute";
    private static final String JOB = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final Rejection UNAUTHORIZED = Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required.");

    /** Like the real use cases: only the one known token gets through. */
    private static final ExecuteEndpoint EXECUTE_USE_CASE = (command, sink) -> {
        if (!command.bearerToken().equals(Optional.of("dak_valid"))) {
            return RecordingExecute.rejected(RejectionCode.UNAUTHORIZED, "A valid API key is required.");
        }
        sink.columns(List.of());
        return RecordingExecute.EMPTY_RESULT;
    };
    private static final GetJob JOB_USE_CASE = command -> command.bearerToken().equals(Optional.of("dak_valid"))
            ? new GetJobOutcome.Found(Jobs.queued(), sink -> sink.columns(List.of()))
            : new GetJobOutcome.Rejected(UNAUTHORIZED);

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(EXECUTE_USE_CASE, JOB_USE_CASE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} with Authorization {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "POST | Bearer dak_valid                        | 200",
            "POST | Bearer dak_valid ; Bearer dak_bogus     | 401",
            "POST | Bearer dak_bogus ; Bearer dak_valid     | 401",
            "POST | Bearer dak_valid ; Bearer dak_valid     | 401",
            "POST | Bearer dak_valid ; Basic dXNlcjpwYXNz   | 401",
            "GET  | Bearer dak_valid                        | 200",
            "GET  | Bearer dak_valid ; Bearer dak_bogus     | 401",
            "GET  | Bearer dak_bogus ; Bearer dak_valid     | 401",
            "GET  | Bearer dak_valid ; Bearer dak_valid     | 401",
    })
    void given_authorization_headers_when_requested_then_only_a_single_valid_one_authenticates(String method,
                                                                                              String headers,
                                                                                              int status) {
        HttpRequest.Builder request = server.request(method.equals("POST") ? EXECUTE : JOB)
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (String header : headers.split(";")) {
            // Each value goes out as a header line of its own.
            request.header("Authorization", header.strip());
        }

        HttpResponse<String> response = server.send(request.build());

        assertThat(response.statusCode()).isEqualTo(status);
        if (status == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"data-api\"");
            assertThat(response.body()).contains("\"code\":\"UNAUTHORIZED\"");
        }
    }
}
