package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM in the embedded default: requests in flight finish on the embedded PostgreSQL before it stops. */
class GracefulShutdownEndToEndTest {

    @Test
    @DisplayName("a sync request running when the embedded default gets SIGTERM still answers 200")
    void in_flight_request_finishes(@TempDir Path dataDir) throws Exception {
        Path slowCatalog = resource("/e2e/slow-demo-catalog.yaml");
        ServerProcess server = ServerProcess.start(dataDir, ServerProcess.freePort(),
                Map.of("DATA_API_CATALOG", slowCatalog.toString()), List.of());
        CompletableFuture<ApiClient.Response> slow = CompletableFuture.supplyAsync(() ->
                server.api.execute("sales", "slow", DemoKeys.FULL_ACCESS, null));
        try (Connection cluster = Polls.embeddedCluster(dataDir.resolve("postgres"))) {
            Polls.awaitQueryRunning(cluster, "e2e-graceful", Duration.ofSeconds(20));
        }

        server.close();

        ApiClient.Response answer = slow.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private static Path resource(String name) throws URISyntaxException, IOException {
        return Path.of(GracefulShutdownEndToEndTest.class.getResource(name).toURI());
    }
}
