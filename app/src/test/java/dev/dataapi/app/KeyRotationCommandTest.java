package dev.dataapi.app;

import static dev.dataapi.app.SharedCatalog.awaitStatus;
import static dev.dataapi.app.SharedCatalog.createKey;
import static dev.dataapi.app.SharedCatalog.env;
import static dev.dataapi.app.SharedCatalog.execute;
import static dev.dataapi.app.SharedCatalog.storedKey;
import static dev.dataapi.app.SharedCatalog.unique;
import static dev.dataapi.app.SharedCatalog.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.ApiToken;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.sql.JdbcCatalogStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code keys rotate|revoke} on the catalog of the shared test server, which reloads it every
 * 500 ms: a rotated or revoked key is answered accordingly at the HTTP API within 5 seconds.
 */
class KeyRotationCommandTest {

    @Test
    @DisplayName("rotate stores the new hash, keeps the old one as previous token until now + overlap, and both authenticate")
    void rotate_keeps_the_old_token_for_the_overlap() {
        String id = unique("rotated");
        String oldToken = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id).lastLine();
        assertThat(awaitStatus(oldToken, 200)).isEqualTo(200);

        Cli.Run run = Cli.run(env(), "keys", "rotate", id, "--overlap", "2h");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String newToken = run.lastLine();
        assertThat(ApiToken.isWellFormed(newToken)).isTrue();
        ApiKey key = storedKey(id);
        assertThat(key.tokenSha256()).isEqualTo(TestServer.sha256(newToken));
        assertThat(key.tokenPrefix()).contains(newToken.substring(0, 12));
        assertThat(key.previousToken().orElseThrow().tokenSha256()).isEqualTo(TestServer.sha256(oldToken));
        assertThat(key.previousToken().orElseThrow().tokenPrefix()).contains(oldToken.substring(0, 12));
        assertThat(key.previousToken().orElseThrow().until()).isCloseTo(Instant.now().plus(Duration.ofHours(2)),
                within(Duration.ofMinutes(1)));
        assertThat(run.out()).contains("keeps working too");
        assertThat(awaitStatus(newToken, 200)).isEqualTo(200);
        assertThat(execute(oldToken)).isEqualTo(200);
    }

    @Test
    void given_no_overlap_when_rotating_then_the_old_token_stops_working() {
        String id = unique("cut-over");
        String oldToken = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id).lastLine();
        assertThat(awaitStatus(oldToken, 200)).isEqualTo(200);

        Cli.Run run = Cli.run(env(), "keys", "rotate", id, "--overlap", "0");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(storedKey(id).previousToken()).isEmpty();
        assertThat(run.out()).contains("no longer works");
        assertThat(awaitStatus(oldToken, 401)).isEqualTo(401);
        assertThat(execute(run.lastLine())).isEqualTo(200);
    }

    @Test
    void given_a_key_when_revoked_then_it_is_stored_revoked_and_the_server_refuses_it() {
        String id = unique("revoked");
        String token = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id).lastLine();
        assertThat(awaitStatus(token, 200)).isEqualTo(200);

        Cli.Run run = Cli.run(env(), "keys", "revoke", id);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(storedKey(id).revoked()).isTrue();
        assertThat(awaitStatus(token, 401)).isEqualTo(401);
        Cli.Run again = Cli.run(env(), "keys", "revoke", id);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("already revoked");
        Cli.Run rotate = Cli.run(env(), "keys", "rotate", id);
        assertThat(rotate.exitCode()).isEqualTo(1);
        assertThat(rotate.out()).doesNotContain("dak_");
    }

    @Test
    void given_an_expired_key_when_rotating_then_it_is_refused_and_no_token_is_printed() {
        String id = unique("expired");
        ApiKey expired = new ApiKey(id, new CompanyId("acme"), TestServer.sha256(unique("token")), Optional.empty(),
                EnumSet.of(Permission.EXECUTE), ShareContext.none(), Set.of(), Optional.empty(),
                Optional.of(Instant.now().minusSeconds(60)), false, Optional.empty());
        new JdbcCatalogStore(TestServer.get().database()).apply(new CatalogSnapshot(List.of(), List.of(), List.of(expired)));

        Cli.Run run = Cli.run(env(), "keys", "rotate", id);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("Refused: API key " + id + " expired at");
        assertThat(run.out()).doesNotContain("dak_");
        assertThat(storedKey(id).tokenSha256()).isEqualTo(expired.tokenSha256());
    }

    @Test
    void given_an_unknown_id_when_revoking_or_rotating_then_it_is_refused() {
        for (String command : List.of("revoke", "rotate")) {
            Cli.Run run = Cli.run(env(), "keys", command, "no-such-key");
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
            assertThat(run.err()).contains("there is no API key 'no-such-key'");
        }
    }
}
