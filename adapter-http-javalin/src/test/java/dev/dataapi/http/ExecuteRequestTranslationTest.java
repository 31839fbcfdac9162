package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An execute request reaches the use case as the caller sent it")
class ExecuteRequestTranslationTest {

    private static final RecordingExecute USE_CASE = new RecordingExecute();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(USE_CASE.answering(RecordingExecute.rejected(RejectionCode.INVALID_PARAMS,
                "namespace and slug must be kebab-case")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "Authorization ''{0}'' gives token ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "Bearer dak_abc123        | dak_abc123",
            "bearer dak_abc123        | dak_abc123",
            "BEARER dak_abc123        | dak_abc123",
            "Bearer    dak_abc123     | dak_abc123",
            "Bearer a.b-c_d~e+f/g=    | a.b-c_d~e+f/g=",
            "Basic dXNlcjpwYXNz       | ",
            "Token dak_abc123         | ",
            "Bearer                   | ",
            "Bearerdak_abc123         | ",
            "Bearer dak_abc 123       | ",
            "dak_abc123               | ",
    })
    void given_authorization_header_when_executing_then_use_case_gets_only_a_bearer_token(String header, String token) {
        server.postEmpty("/api/v1/data-api/sales/by-region/execute", "Authorization", header);

        assertThat(USE_CASE.command().bearerToken()).isEqualTo(Optional.ofNullable(token));
    }

    @Test
    void given_no_authorization_header_when_executing_then_use_case_gets_no_token() {
        server.postEmpty("/api/v1/data-api/sales/by-region/execute");

        assertThat(USE_CASE.command().bearerToken()).isEmpty();
    }

    @ParameterizedTest(name = "{0} reaches the use case as namespace ''{1}'', slug ''{2}''")
    @CsvSource(delimiter = '|', value = {
            "/api/v1/data-api/sales/by-region/execute    | sales     | by-region",
            "/api/v1/data-api//by-region/execute         | ''        | by-region",
            "/api/v1/data-api/sales//execute             | sales     | ''",
            "/api/v1/data-api/sales/execute              | sales     | ''",
            "/api/v1/data-api///execute                  | ''        | ''",
            "/api/v1/data-api/Bad_NS/by-region/execute   | Bad_NS    | by-region",
            "/api/v1/data-api/a%2Fb/by-region/execute    | a/b       | by-region",
            "/api/v1/data-api/caf%C3%A9/x%20y+z/execute  | café      | x y+z",
            "/api/v1/data-api/%2e%2e/by-region/execute   | ..        | by-region",
            "/api/v1/data-api/50%25/by-region/execute    | 50%       | by-region",
    })
    void given_empty_or_invalid_path_segments_when_executing_then_use_case_answers(String path, String namespace,
                                                                                  String slug) {
        HttpResponse<String> response = server.postEmpty(path, "Authorization", "Bearer t");

        ExecuteCommand command = USE_CASE.command();
        assertThat(command.namespace()).isEqualTo(namespace);
        assertThat(command.slug()).isEqualTo(slug);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"INVALID_PARAMS\"");
    }

    @Test
    void given_request_id_header_when_executing_then_use_case_gets_the_same_id_as_the_response() {
        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sales/by-region/execute",
                "X-Request-Id", "req-4711.a:b");

        assertThat(USE_CASE.command().requestId()).isEqualTo("req-4711.a:b");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("req-4711.a:b");
        assertThat(response.body()).contains("\"request_id\":\"req-4711.a:b\"");
    }
}
