package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.sql.JdbcCatalogStore;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A server that starts applies its catalog file again (DATA_API_CATALOG): what the CLI did since
 * must survive it, or a rolling deploy would bring back every revoked key and rotated-out token.
 */
class CatalogFileRestartEndToEndTest {
    private static final String REVOKED = "e2e-acme-file-revoked-token";
    private static final String ROTATED = "e2e-acme-file-rotated-token";
    private static final String BODY = "{\"parameter_values\": {}}";

    @Test
    @DisplayName("a revocation and a rotation made with the CLI survive a start that re-applies the catalog file")
    void cli_changes_survive_a_restart() {
        TestServer server = TestServer.get();
        Cli.Run revoke = Cli.run(server.environment(), "keys", "revoke", "acme-file-revoked");
        Cli.Run rotate = Cli.run(server.environment(), "keys", "rotate", "acme-file-rotated", "--overlap", "1h");
        assertThat(revoke.exitCode()).as(revoke.toString()).isZero();
        assertThat(rotate.exitCode()).as(rotate.toString()).isZero();
        String newToken = rotate.lastLine();

        try (Application restarted = server.startAnother(Map.of())) {
            ApiClient client = new ApiClient("http://localhost:" + restarted.port());

            assertThat(client.execute("shared", "by-region", REVOKED, BODY).status()).as("revoked stays revoked")
                    .isEqualTo(401);
            assertThat(client.execute("shared", "by-region", newToken, BODY).status()).as("the rotated token")
                    .isEqualTo(200);
            assertThat(client.execute("shared", "by-region", ROTATED, BODY).status()).as("the old one, during the overlap")
                    .isEqualTo(200);
        }
        ApiKey rotated = key("acme-file-rotated");
        assertThat(rotated.tokenSha256()).isEqualTo(TestServer.sha256(newToken));
        assertThat(rotated.previousToken()).map(previous -> previous.tokenSha256()).contains(TestServer.sha256(ROTATED));
        assertThat(key("acme-file-revoked").revoked()).isTrue();
    }

    private static ApiKey key(String id) {
        return new JdbcCatalogStore(TestServer.get().database()).load().apiKeys().stream()
                .filter(key -> key.id().equals(id)).findFirst().orElseThrow();
    }
}
