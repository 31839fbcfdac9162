package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL while jobs run, then started again on the same data
 * directory: the embedded PostgreSQL and job store come back, and every job still ends.
 */
class CrashRecoveryEndToEndTest {
    private static final String TOKEN = DemoKeys.FULL_ACCESS;

    @Test
    @DisplayName("kill -9 with jobs running, restart on the same data directory: every job ends completed")
    void jobs_survive_a_crash(@TempDir Path dataDir) throws Exception {
        Path catalog = dataDir.resolve("crash-catalog.yaml");
        try (InputStream in = getClass().getResourceAsStream("/e2e/crash-catalog.yaml")) {
            Files.copy(in, catalog);
        }
        int port = ServerProcess.freePort();
        Map<String, String> environment = Map.of("DATA_API_CATALOG", catalog.toString(), "DATA_API_JOB_LEASE", "2s");

        List<String> jobs = new ArrayList<>();
        ServerProcess first = ServerProcess.start(dataDir, port, environment, List.of());
        try {
            for (int n = 1; n <= 6; n++) {
                ApiClient.Response accepted = first.api.execute("crash", "sleep", TOKEN,
                        "{\"parameter_values\": {\"seconds\": 2, \"n\": " + n + "}}");
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                jobs.add(accepted.json().get("job_id").asText());
            }
            // Kill while queries run, not while jobs merely wait: the workers claim within milliseconds.
            try (Connection cluster = Polls.embeddedCluster(dataDir.resolve("postgres"))) {
                Polls.awaitQueryRunning(cluster, "pg_sleep", Duration.ofSeconds(20));
            }
        } finally {
            first.kill();
        }

        try (ServerProcess second = ServerProcess.start(dataDir, port, environment, List.of())) {
            for (int i = 0; i < jobs.size(); i++) {
                JsonNode job = second.api.awaitJob("crash", "sleep", jobs.get(i), TOKEN, Duration.ofSeconds(90));
                assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
                assertThat(job.get("result").get("rows").get(0).get("n").asInt()).isEqualTo(i + 1);
            }
        }
    }
}
