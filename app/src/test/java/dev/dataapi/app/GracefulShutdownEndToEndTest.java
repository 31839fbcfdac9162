package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
        awaitRunning(dataDir.resolve("postgres"), "e2e-graceful");

        server.close();

        ApiClient.Response answer = slow.get(30, TimeUnit.SECONDS);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    /** Waits until the embedded PostgreSQL (found through its postmaster.pid) runs a query marked {@code marker}. */
    private static void awaitRunning(Path cluster, String marker) throws IOException, SQLException, InterruptedException {
        int port = Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%" + marker + "%' AND pid <> pg_backend_pid()")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20); // polling another process's database session: nothing to wait on
            }
        }
        throw new AssertionError("the query " + marker + " did not start within 20 s");
    }

    private static Path resource(String name) throws URISyntaxException, IOException {
        return Path.of(GracefulShutdownEndToEndTest.class.getResource(name).toURI());
    }
}
