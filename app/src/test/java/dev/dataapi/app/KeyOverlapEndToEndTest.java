package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A rotation's overlap, end to end: the CLI rotates, the running server accepts both tokens, then only the new one. */
class KeyOverlapEndToEndTest {
    private static final String BODY = "{\"parameter_values\": {}}";

    @Test
    @DisplayName("after keys rotate both tokens work during the overlap, and only the new one once it has ended")
    void overlap_ends() throws InterruptedException {
        TestServer server = TestServer.get();
        Cli.Run created = Cli.run(server.environment(), "keys", "create", "--company", "acme",
                "--permissions", "data_api:execute");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String oldToken = created.lastLine();
        awaitStatus(server.client, oldToken, 200, Duration.ofSeconds(5));

        Instant rotatedAt = Instant.now();
        Cli.Run rotated = Cli.run(server.environment(), "keys", "rotate", created.field("id"), "--overlap", "6s");
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        String newToken = rotated.lastLine();
        awaitStatus(server.client, newToken, 200, Duration.ofSeconds(5));
        int oldDuringOverlap = status(server.client, oldToken);
        Duration checkedAfter = Duration.between(rotatedAt, Instant.now());

        awaitStatus(server.client, oldToken, 401, Duration.ofSeconds(10));
        Duration oldTokenLasted = Duration.between(rotatedAt, Instant.now());

        // The server must see the rotation within 5 s, so the old token was checked inside the 6 s overlap.
        assertThat(checkedAfter).isLessThan(Duration.ofSeconds(6));
        assertThat(oldDuringOverlap).as("the old token during the overlap").isEqualTo(200);
        assertThat(oldTokenLasted).as("the old token stops once the overlap ends, not before")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(6));
        assertThat(status(server.client, newToken)).isEqualTo(200);
    }

    private static int status(ApiClient client, String token) {
        return client.execute("shared", "by-region", token, BODY).status();
    }

    private static void awaitStatus(ApiClient client, String token, int expected, Duration limit) {
        assertThat(Polls.statusUntil(() -> status(client, token), expected, limit, Duration.ofMillis(50)))
                .as("status within %s", limit).isEqualTo(expected);
    }
}
