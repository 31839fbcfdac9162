package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        int port = freePort();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);

        Process first = startServer(dataDir, catalog, port);
        List<String> jobs = new ArrayList<>();
        try {
            awaitReady(api, first);
            for (int n = 1; n <= 6; n++) {
                ApiClient.Response accepted = api.execute("crash", "sleep", TOKEN,
                        "{\"parameter_values\": {\"seconds\": 2, \"n\": " + n + "}}");
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                jobs.add(accepted.json().get("job_id").asText());
            }
            awaitSomeRunning(api, jobs.get(0));
        } finally {
            first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        Process second = startServer(dataDir, catalog, port);
        try {
            awaitReady(api, second);
            for (int i = 0; i < jobs.size(); i++) {
                JsonNode job = api.awaitJob("crash", "sleep", jobs.get(i), TOKEN, Duration.ofSeconds(90));
                assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("completed");
                assertThat(job.get("result").get("rows").get(0).get("n").asInt()).isEqualTo(i + 1);
            }
        } finally {
            second.destroy();
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly();
            }
        }
    }

    private static Process startServer(Path dataDir, Path catalog, int port) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATA_API_"));
        builder.environment().put("DATA_API_DATA_DIR", dataDir.toString());
        builder.environment().put("DATA_API_PORT", Integer.toString(port));
        builder.environment().put("DATA_API_HOST", "127.0.0.1");
        builder.environment().put("DATA_API_CATALOG", catalog.toString());
        builder.environment().put("DATA_API_JOB_LEASE", "2s");
        builder.redirectErrorStream(true);
        builder.redirectOutput(dataDir.resolve("server.log").toFile());
        return builder.start();
    }

    private static void awaitReady(ApiClient api, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the server exited with " + server.exitValue());
            }
            try {
                if (api.send(HttpRequest.newBuilder(URI.create(api.base() + "/health/ready")).build()).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // connection refused while the server starts
            }
            Thread.sleep(100); // waiting for another process to start listening: nothing to synchronise on
        }
        throw new AssertionError("the server did not become ready");
    }

    /** Waits until the first job has been claimed by a worker, so the kill hits running jobs. */
    private static void awaitSomeRunning(ApiClient api, String jobId) throws InterruptedException {
        // Jobs sleep 2 s; a worker claims them within milliseconds of submission, so by now some are running.
        JsonNode job = api.job("crash", "sleep", jobId, TOKEN).json();
        assertThat(job.get("status").asText()).isEqualTo("processing");
        Thread.sleep(300); // let the workers pick the jobs up before the kill; the assertion after restart is what counts
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
