package dev.dataapi.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Every response carries a request id and safe headers")
class HeadersTest {

    private static final Pattern UUID_TEXT = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final RecordingExecute USE_CASE = new RecordingExecute();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(USE_CASE.answeringEmptyResult());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /api/v1/data-api/sales/by-region/execute",
            "GET, /health/live",
            "GET, /health/ready",
            "GET, /nope",
            "GET, /api/v1/data-api/sales/by-region/execute",
    })
    void given_valid_request_id_when_requested_then_it_is_echoed(String method, String path) {
        String id = "Ab9._:-" + UUID.randomUUID();

        HttpResponse<String> response = server.call(method, path, "X-Request-Id", id);

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly(id);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @ParameterizedTest(name = "X-Request-Id ''{0}'' is replaced")
    @ValueSource(strings = {"has space", "semi;colon", "quote\"", "<script>", "é"})
    void given_unsafe_request_id_when_executing_then_a_new_uuid_is_used_everywhere(String unsafe) {
        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sales/by-region/execute",
                "X-Request-Id", unsafe);

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(id).matches(UUID_TEXT);
        assertThat(USE_CASE.command().requestId()).isEqualTo(id);
    }

    @ParameterizedTest(name = "X-Request-Id of {0} characters is replaced")
    @ValueSource(ints = {129, 1000})
    void given_overlong_request_id_when_executing_then_a_new_uuid_is_used(int length) {
        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sales/by-region/execute",
                "X-Request-Id", "a".repeat(length));

        assertThat(response.headers().firstValue("X-Request-Id").orElseThrow()).matches(UUID_TEXT);
    }

    @ParameterizedTest(name = "{0} {1} gets a generated id")
    @CsvSource({
            "POST, /api/v1/data-api/sales/by-region/execute",
            "GET, /health/live",
            "GET, /nope",
    })
    void given_no_request_id_when_requested_then_a_fresh_uuid_is_generated(String method, String path) {
        String first = server.call(method, path).headers().firstValue("X-Request-Id").orElseThrow();
        String second = server.call(method, path).headers().firstValue("X-Request-Id").orElseThrow();

        assertThat(first).matches(UUID_TEXT);
        assertThat(second).matches(UUID_TEXT).isNotEqualTo(first);
    }

    @ParameterizedTest(name = "128 characters are echoed")
    @ValueSource(ints = {1, 128})
    void given_request_id_at_the_length_bounds_when_executing_then_it_is_echoed(int length) {
        String id = "z".repeat(length);

        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sales/by-region/execute", "X-Request-Id", id);

        assertThat(response.headers().firstValue("X-Request-Id")).contains(id);
    }
}
