package dev.dataapi.http;

import dev.dataapi.ports.in.CheckReadiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Health endpoints tell orchestrators whether to route traffic here")
class HealthEndpointsTest {

    private static final AtomicReference<CheckReadiness> READINESS = new AtomicReference<>(() -> true);
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new RecordingExecute().answeringEmptyResult(), () -> READINESS.get().isReady(),
                HttpSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_running_server_when_liveness_is_checked_then_up() {
        READINESS.set(() -> false);

        HttpResponse<String> response = server.call("GET", "/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void given_ready_instance_when_readiness_is_checked_then_200_up() {
        READINESS.set(() -> true);

        HttpResponse<String> response = server.call("GET", "/health/ready");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void given_instance_not_ready_when_readiness_is_checked_then_503_down() {
        READINESS.set(() -> false);

        HttpResponse<String> response = server.call("GET", "/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void given_readiness_check_that_throws_when_checked_then_503_down() {
        READINESS.set(() -> {
            throw new IllegalStateException("catalog unreachable");
        });

        HttpResponse<String> response = server.call("GET", "/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @ParameterizedTest(name = "HEAD {0}")
    @ValueSource(strings = {"/health/live", "/health/ready"})
    void given_head_request_when_health_is_checked_then_200_with_the_headers_of_get_and_no_body(String path) {
        READINESS.set(() -> true);

        HttpResponse<String> head = server.call("HEAD", path);
        HttpResponse<String> get = server.call("GET", path);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).contains("application/json")
                .isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Cache-Control")).contains("no-store")
                .isEqualTo(get.headers().firstValue("Cache-Control"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void given_instance_not_ready_when_readiness_is_checked_with_head_then_503() {
        READINESS.set(() -> false);

        HttpResponse<String> response = server.call("HEAD", "/health/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEmpty();
    }
}
