package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Instances that share one MongoDB and one PostgreSQL share the job queue. */
class ScaleOutEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";

    @Test
    @DisplayName("jobs accepted by an instance without workers are run by another instance and readable on both")
    void instances_share_the_queue() {
        TestServer shared = TestServer.get();
        try (Application frontOnly = shared.startAnother(Map.of("DATA_API_WORKERS", "0"));
             Application worker = shared.startAnother(Map.of("DATA_API_WORKERS", "2"))) {
            ApiClient front = new ApiClient("http://localhost:" + frontOnly.port());
            ApiClient other = new ApiClient("http://localhost:" + worker.port());
            List<String> jobs = new ArrayList<>();
            for (int count = 1; count <= 10; count++) {
                ApiClient.Response accepted = front.execute("jobs", "numbers", FULL,
                        "{\"parameter_values\": {\"count\": " + (count % 5 + 1) + "}}");
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                jobs.add(accepted.json().get("job_id").asText());
            }
            for (int i = 0; i < jobs.size(); i++) {
                JsonNode done = front.awaitJob("jobs", "numbers", jobs.get(i), FULL, Duration.ofSeconds(30));
                assertThat(done.get("status").asText()).isEqualTo("completed");
                assertThat(done.get("result").get("row_count").asInt()).isEqualTo((i + 1) % 5 + 1);
                JsonNode seenElsewhere = other.job("jobs", "numbers", jobs.get(i), FULL).json();
                assertThat(seenElsewhere.get("result")).isEqualTo(done.get("result"));
            }
        }
    }
}
