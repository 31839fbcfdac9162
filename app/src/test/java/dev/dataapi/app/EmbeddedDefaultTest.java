package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-configuration start: embedded PostgreSQL, demo data, demo catalog, demo keys. */
class EmbeddedDefaultTest {

    @Test
    @DisplayName("with no database configured the server starts on demo data, prints a working curl, and keeps its data across a restart")
    void embedded_default_serves_the_demo_and_survives_a_restart(@TempDir Path dataDir) {
        Map<String, String> env = Map.of("DATA_API_PORT", "0", "DATA_API_HOST", "127.0.0.1",
                "DATA_API_DATA_DIR", dataDir.toString());

        try (Application first = Application.start(Config.fromEnvironment(env))) {
            assertThat(first.banner()).contains("curl", "/api/v1/data-api/sales/by-region/execute", DemoKeys.FULL_ACCESS);
            ApiClient api = new ApiClient("http://localhost:" + first.port());

            ApiClient.Response byRegion = api.execute("sales", "by-region", DemoKeys.FULL_ACCESS,
                    "{\"parameter_values\": {\"since\": \"2023-01-01\"}}");
            assertThat(byRegion.status()).as(byRegion.body()).isEqualTo(200);
            JsonNode rows = byRegion.json().get("rows");
            assertThat(rows).hasSize(5);
            long sales = 0;
            for (JsonNode row : rows) {
                sales += row.get("sales").asLong();
            }
            assertThat(sales).isEqualTo(120_000);

            JsonNode listing = api.execute("sales", "listing", DemoKeys.FULL_ACCESS, null).json();
            assertThat(listing.get("row_count").asInt()).isEqualTo(10_000);
            assertThat(listing.get("truncated").asBoolean()).isTrue();

            JsonNode south = api.execute("sales", "by-region", DemoKeys.SOUTH_PARTNER, null).json();
            assertThat(south.get("rows")).hasSize(1);
            assertThat(south.get("rows").get(0).get("regiao").asText()).isEqualTo("Sul");
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("postgresql.conf"))).isTrue();

        try (Application second = Application.start(Config.fromEnvironment(env))) {
            ApiClient api = new ApiClient("http://localhost:" + second.port());
            ApiClient.Response byState = api.execute("sales", "by-state", DemoKeys.SOUTH_PARTNER, null);
            assertThat(byState.status()).as(byState.body()).isEqualTo(200);
            assertThat(byState.json().get("rows")).hasSize(3);
        }
    }
}
