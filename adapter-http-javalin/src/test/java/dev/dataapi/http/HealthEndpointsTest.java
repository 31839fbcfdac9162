package dev.dataapi.http;

import dev.dataapi.ports.in.CheckReadiness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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

    @Test
    void given_head_request_when_liveness_is_checked_then_200_without_body() {
        HttpResponse<String> response = server.call("HEAD", "/health/live");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }
}
