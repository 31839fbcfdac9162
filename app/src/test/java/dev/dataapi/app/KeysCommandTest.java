package dev.dataapi.app;

import static dev.dataapi.app.SharedCatalog.awaitStatus;
import static dev.dataapi.app.SharedCatalog.createKey;
import static dev.dataapi.app.SharedCatalog.env;
import static dev.dataapi.app.SharedCatalog.execute;
import static dev.dataapi.app.SharedCatalog.stored;
import static dev.dataapi.app.SharedCatalog.storedKey;
import static dev.dataapi.app.SharedCatalog.unique;
import static dev.dataapi.app.SharedCatalog.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.ApiToken;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.sql.JdbcKeyUsageStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code keys create|list} on the catalog of the shared test server (an external PostgreSQL): what
 * a command stores, what it prints, and that tokens go nowhere else.
 */
class KeysCommandTest {
    @Test
    @DisplayName("create prints a dak_ token with 256 random bits and a valid checksum, once, on its own last line")
    void create_prints_a_well_formed_token() {
        Cli.Run run = createKey("--company", "acme", "--permissions", "data_api:execute,data_api:get_job");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String token = run.lastLine();
        assertThat(token).matches("dak_[0-9A-Za-z]{43}[0-9A-Za-z]{6}");
        assertThat(ApiToken.isWellFormed(token)).isTrue();
        String mistyped = token.substring(0, 10) + (token.charAt(10) == 'a' ? 'b' : 'a') + token.substring(11);
        assertThat(ApiToken.isWellFormed(mistyped)).as("a changed character breaks the checksum").isFalse();
        assertThat(run.out()).containsOnlyOnce(token).contains("shown only once");
        assertThat(run.field("id")).matches("acme-[a-z0-9]{8}");
        assertThat(run.field("prefix")).isEqualTo(token.substring(0, 12));
        assertThat(run.err()).doesNotContain(token).contains("Catalog: jdbc:postgresql://localhost:");
        ApiKey key = storedKey(run.field("id"));
        assertThat(key.permissions()).containsExactlyInAnyOrder(Permission.EXECUTE, Permission.GET_JOB);
        assertThat(key.tokenPrefix()).contains(token.substring(0, 12));
    }

    @Test
    @DisplayName("the database holds the token's SHA-256 and prefix, and no column holds the token")
    void only_the_hash_reaches_the_database() throws SQLException {
        String id = unique("hash-only");
        Cli.Run run = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        String token = run.lastLine();

        try (Connection connection = TestServer.get().database().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT row_to_json(k)::text, k.token_sha256, k.token_prefix FROM data_api.api_keys k WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).doesNotContain(token).doesNotContain(token.substring(12));
                assertThat(row.getString(2)).isEqualTo(TestServer.sha256(token));
                assertThat(row.getString(3)).isEqualTo(token.substring(0, 12));
            }
        }
    }

    @Test
    void given_a_created_key_when_the_server_reloads_then_its_token_authenticates() {
        Cli.Run run = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", unique("works"));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(awaitStatus(run.lastLine(), 200)).isEqualTo(200);
    }

    @Test
    void given_an_existing_id_when_creating_then_it_is_refused_and_the_stored_key_is_unchanged() {
        String id = unique("taken");
        Cli.Run first = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id);
        String hash = storedKey(id).tokenSha256();

        Cli.Run second = createKey("--company", "acme", "--permissions", "data_api:get_job", "--id", id);

        assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
        assertThat(second.err()).contains("API key '" + id + "' already exists");
        assertThat(second.out()).doesNotContain("dak_");
        assertThat(storedKey(id).tokenSha256()).isEqualTo(hash);
        assertThat(storedKey(id).permissions()).containsExactly(Permission.EXECUTE);
        assertThat(first.exitCode()).isZero();
    }

    @Test
    void given_an_unknown_company_when_creating_then_it_is_refused_naming_it() {
        Cli.Run run = createKey("--company", "no-such-company", "--permissions", "data_api:execute");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("company 'no-such-company' does not exist", "acme", "other");
        assertThat(run.out()).doesNotContain("dak_");
    }

    @Test
    void given_bad_option_values_when_creating_then_it_is_a_usage_error_naming_the_value() {
        Cli.Run permission = createKey("--company", "acme", "--permissions", "data_api:execute,data_api:run");
        assertThat(permission.exitCode()).isEqualTo(2);
        assertThat(permission.err()).contains("'data_api:run'");

        Cli.Run expiry = createKey("--company", "acme", "--permissions", "data_api:execute", "--expires-in", "soon");
        assertThat(expiry.exitCode()).isEqualTo(2);
        assertThat(expiry.err()).contains("--expires-in", "'soon'");

        Cli.Run burst = createKey("--company", "acme", "--permissions", "data_api:execute", "--burst", "5");
        assertThat(burst.exitCode()).isEqualTo(2);
        assertThat(burst.err()).contains("--burst needs --rate-limit");

        Cli.Run pins = createKey("--company", "acme", "--permissions", "data_api:execute", "--share-context", "regions=[]");
        assertThat(pins.exitCode()).isEqualTo(2);
        assertThat(pins.err()).contains("a pinned list must not be empty");
    }

    @Test
    void given_pins_scope_limit_and_expiry_when_creating_then_the_key_carries_them_typed_as_in_a_catalog_file() {
        String id = unique("scoped");
        Cli.Run run = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id,
                "--share-context", "region=Sul,regions=[Sul|Norte],count=3", "--namespaces", "shared,numbers",
                "--rate-limit", "120/min", "--burst", "20", "--expires-in", "90d");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        ApiKey key = storedKey(id);
        assertThat(key.shareContext()).isEqualTo(new ShareContext(Map.of("region", "Sul", "regions", List.of("Sul", "Norte"),
                "count", new BigDecimal("3"))));
        assertThat(key.namespaces()).containsExactly("numbers", "shared");
        assertThat(key.rateLimit()).contains(new RateLimit(120, 20));
        assertThat(key.expiresAt().orElseThrow()).isCloseTo(Instant.now().plus(Duration.ofDays(90)), within(Duration.ofMinutes(1)));
        assertThat(storedKey(createKey("--company", "acme", "--permissions", "data_api:execute", "--id", unique("burst"),
                "--rate-limit", "30/min").field("id")).rateLimit()).as("burst defaults to the rate").contains(new RateLimit(30, 30));
    }

    @Test
    void given_a_pin_the_company_endpoints_cannot_take_when_creating_then_the_catalog_rules_refuse_it() {
        String id = unique("misfit");
        Cli.Run run = createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id,
                "--share-context", "count=many,regoin=Sul");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("share_context.count: does not fit parameter 'count'",
                "share_context.regoin: 'regoin' is not a parameter of any endpoint of company acme");
        assertThat(stored().apiKeys()).noneMatch(key -> key.id().equals(id));
    }

    @Test
    void given_recorded_usage_when_listing_then_last_use_shows_and_no_hash_or_token_does() {
        String id = unique("listed");
        Cli.Run created = createKey("--company", "acme", "--permissions", "data_api:execute,data_api:get_job", "--id", id,
                "--share-context", "region=Sul", "--namespaces", "shared", "--rate-limit", "60/min", "--burst", "5");
        Instant used = Instant.parse("2026-03-04T05:06:07Z");
        new JdbcKeyUsageStore(TestServer.get().database()).recordLastUsed(Map.of(id, used));

        Cli.Run run = Cli.run(env(), "keys", "list", "--company", "acme");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).contains("ID", "PREFIX", "PERMISSIONS", "PINS", "NAMESPACES",
                "RATE LIMIT", "EXPIRES", "LAST USED", "REVOKED", "PREVIOUS TOKEN UNTIL");
        String row = run.out().lines().filter(line -> line.startsWith(id + " ")).findFirst().orElseThrow();
        assertThat(row).contains("acme", created.field("prefix"), "data_api:execute,data_api:get_job", "region=Sul", "shared",
                "60/min burst 5", "never", "2026-03-04T05:06:07Z", "no");
        assertThat(run.out()).doesNotContain(created.lastLine()).doesNotContain(TestServer.sha256(created.lastLine()))
                .doesNotContainPattern("[0-9a-f]{64}");
    }

    @Test
    @DisplayName("no token ever appears in a log line while keys are created, used, rotated, listed and exported")
    void tokens_never_reach_the_logs() {
        String id = unique("quiet");
        List<Cli.Run> runs = new ArrayList<>();
        List<String> logs;
        try (Cli.LogCapture capture = Cli.LogCapture.start()) {
            runs.add(createKey("--company", "acme", "--permissions", "data_api:execute", "--id", id));
            assertThat(awaitStatus(runs.get(0).lastLine(), 200)).isEqualTo(200);
            runs.add(Cli.run(env(), "keys", "rotate", id));
            assertThat(awaitStatus(runs.get(1).lastLine(), 200)).isEqualTo(200);
            assertThat(execute("dak_not-a-token-at-all")).isEqualTo(401);
            runs.add(Cli.run(env(), "keys", "list"));
            runs.add(Cli.run(env(), "catalog", "export", "--company", "acme"));
            logs = capture.lines();
        }

        List<String> tokens = List.of(runs.get(0).lastLine(), runs.get(1).lastLine());
        assertThat(logs).as("the server's audit lines of the requests made with the key")
                .anyMatch(line -> line.contains("\"key_id\":\"" + id + "\""));
        for (String token : tokens) {
            assertThat(logs).noneMatch(line -> line.contains(token) || line.contains(token.substring(12)));
        }
        for (Cli.Run run : runs) {
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).doesNotContain(tokens.get(0)).doesNotContain(tokens.get(1));
        }
        assertThat(runs.get(2).out() + runs.get(3).out()).doesNotContain(tokens.get(0)).doesNotContain(tokens.get(1));
    }
}
