package dev.dataapi.app.catalog;

import static dev.dataapi.app.catalog.CatalogFixtures.problems;
import static dev.dataapi.app.catalog.CatalogFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** API keys as operators manage them: display prefix, namespace scope, own rate limit, rotated token. */
class CatalogFileKeyLifecycleTest {
    private static final CompanyId ACME = new CompanyId("acme");
    private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OLD_TOKEN = TOKEN.replace('9', '1');
    private static final String ACME_FILE = "companies: [{id: acme, name: Acme}]\n";

    /** A key of acme with {@code extra} lines added to it. */
    private static String key(String... extra) {
        return ACME_FILE + """
                api_keys:
                  - id: partner
                    company: acme
                    token_sha256: %s
                    permissions: [data_api:execute]
                """.formatted(TOKEN) + String.join("", extra);
    }

    @Test
    void given_every_lifecycle_field_when_read_then_the_key_carries_them() {
        CatalogSnapshot snapshot = valid(CatalogFile.read(key(
                "    token_prefix: dak_AbC12345\n",
                "    namespaces: [sales, finance-eu]\n",
                "    rate_limit: {requests_per_minute: 120, burst: 20}\n",
                "    previous_token:\n",
                "      token_sha256: " + OLD_TOKEN + "\n",
                "      token_prefix: dak_Old00000\n",
                "      until: 2027-01-02T03:04:05Z\n")));

        assertThat(snapshot.apiKeys()).containsExactly(new ApiKey("partner", ACME, TOKEN, Optional.of("dak_AbC12345"),
                EnumSet.of(Permission.EXECUTE), ShareContext.none(), Set.of("sales", "finance-eu"),
                Optional.of(new RateLimit(120, 20)), Optional.empty(), false,
                Optional.of(new RetiringToken(OLD_TOKEN, Optional.of("dak_Old00000"), Instant.parse("2027-01-02T03:04:05Z")))));
    }

    @Test
    void given_no_lifecycle_field_when_read_then_the_key_has_no_prefix_scope_limit_or_previous_token() {
        ApiKey key = valid(CatalogFile.read(key())).apiKeys().get(0);

        assertThat(key.tokenPrefix()).isEmpty();
        assertThat(key.namespaces()).isEmpty();
        assertThat(key.rateLimit()).isEmpty();
        assertThat(key.previousToken()).isEmpty();
    }

    @Test
    @DisplayName("every broken lifecycle field is reported with the key and the field's path, none hiding another")
    void every_broken_lifecycle_field_is_reported_with_its_path() {
        List<CatalogProblem> problems = problems(key(
                "    token_prefix: dak-no-dashes\n",
                "    namespaces: [sales, Finance_EU, [nested]]\n",
                "    rate_limit: {requests_per_minute: 0, per_hour: 5}\n",
                "    previous_token: {token_sha256: nothex, token_prefix: '', until: tomorrow, since: now}\n"));

        assertThat(problems).extracting(CatalogProblem::toString).containsExactlyInAnyOrder(
                "api_key partner: token_prefix: 'token_prefix' must be 1 to 16 letters, digits or underscores",
                "api_key partner: namespaces[1]: 'namespaces' must be kebab-case (a-z, 0-9, single dashes, at most 64"
                        + " characters), got 'Finance_EU'",
                "api_key partner: namespaces[2]: 'namespaces[2]' must be text, got a list",
                "api_key partner: rate_limit.per_hour: unknown field 'per_hour' (expected one of: requests_per_minute, burst)",
                "api_key partner: rate_limit.requests_per_minute: 'requests_per_minute' must be at least 1, got 0",
                "api_key partner: rate_limit.burst: 'burst' is required",
                "api_key partner: previous_token.since: unknown field 'since' (expected one of: token_sha256, token_prefix, until)",
                "api_key partner: previous_token.token_sha256: 'token_sha256' must be 64 lower-case hex characters",
                "api_key partner: previous_token.token_prefix: 'token_prefix' must be 1 to 16 letters, digits or underscores",
                "api_key partner: previous_token.until: 'until' must be an ISO-8601 instant such as 2027-06-30T00:00:00Z,"
                        + " got 'tomorrow'");
    }

    @Test
    void given_nested_fields_of_the_wrong_shape_when_read_then_the_expected_fields_are_named() {
        assertThat(problems(key("    rate_limit: 100\n    previous_token: [x]\n    namespaces: sales\n")))
                .extracting(CatalogProblem::toString).containsExactlyInAnyOrder(
                        "api_key partner: rate_limit: expected a mapping with the fields requests_per_minute, burst, got '100'",
                        "api_key partner: previous_token: expected a mapping with the fields token_sha256, token_prefix, until,"
                                + " got a list",
                        "api_key partner: namespaces: 'namespaces' must be a list, got 'sales'");
        assertThat(problems(key("    previous_token: {token_sha256: " + OLD_TOKEN + "}\n")))
                .extracting(CatalogProblem::toString).containsExactly(
                        "api_key partner: previous_token.until: 'until' is required (the instant the previous token stops working)");
    }

    @Test
    void given_a_previous_token_equal_to_the_current_one_when_read_then_the_previous_token_is_named() {
        assertThat(problems(key("    previous_token: {token_sha256: " + TOKEN + ", until: 2027-01-01T00:00:00Z}\n")))
                .containsExactly(new CatalogProblem("api_key partner", "previous_token.token_sha256",
                        "the previous token must differ from the current one"));
    }

    @Test
    void given_a_previous_token_that_is_another_keys_token_when_read_then_the_collision_is_reported() {
        String yaml = key("    previous_token: {token_sha256: " + OLD_TOKEN + ", until: 2027-01-01T00:00:00Z}\n",
                "  - {id: other, company: acme, token_sha256: " + OLD_TOKEN + ", permissions: []}\n");

        assertThat(problems(yaml)).containsExactly(
                new CatalogProblem("api_key partner", "previous_token.token_sha256",
                        "the same token hash as the current token of api key 'other': a token must identify one key"),
                new CatalogProblem("api_key other", "token_sha256",
                        "the same token hash as the previous token of api key 'partner': a token must identify one key"));
    }

    @Test
    void given_changes_whose_token_is_a_stored_keys_previous_token_when_read_over_the_store_then_it_is_refused() {
        ApiKey stored = new ApiKey("stored", ACME, TOKEN.replace('9', '7'), Optional.empty(), Set.of(), ShareContext.none(),
                Set.of(), Optional.empty(), Optional.empty(), false,
                Optional.of(new RetiringToken(OLD_TOKEN, Optional.empty(), Instant.parse("2027-01-01T00:00:00Z"))));
        CatalogSnapshot store = new CatalogSnapshot(List.of(new Company(ACME, "Acme", Optional.empty())), List.of(), List.of(stored));

        CatalogFileResult result = CatalogFile.read(
                "api_keys: [{id: newcomer, company: acme, token_sha256: " + OLD_TOKEN + ", permissions: []}]\n", store);

        assertThat(result).isEqualTo(new CatalogFileResult.Invalid(List.of(new CatalogProblem("api_key newcomer", "token_sha256",
                "the same token hash as the previous token of api key 'stored': a token must identify one key"))));
    }

    @Test
    void given_keys_with_every_lifecycle_field_when_written_and_read_back_then_nothing_changes() {
        CatalogSnapshot snapshot = new CatalogSnapshot(List.of(new Company(ACME, "Acme", Optional.empty())), List.of(), List.of(
                new ApiKey("rotated", ACME, TOKEN, Optional.of("dak_12345678"), EnumSet.allOf(Permission.class),
                        ShareContext.none(), Set.of("sales", "on"), Optional.of(new RateLimit(1, 1)),
                        Optional.of(Instant.parse("2028-02-29T12:00:00.123456Z")), false,
                        Optional.of(new RetiringToken(OLD_TOKEN, Optional.of("true"), Instant.parse("2027-01-01T00:00:00.5Z")))),
                new ApiKey("imported", ACME, TOKEN.replace('9', '2'), Optional.empty(), Set.of(), ShareContext.none(), Set.of(),
                        Optional.empty(), Optional.empty(), true,
                        Optional.of(new RetiringToken(OLD_TOKEN.replace('1', '3'), Optional.empty(), Instant.EPOCH)))));

        String yaml = CatalogFile.write(snapshot);

        assertThat(valid(CatalogFile.read(yaml))).as("read back from%n%s", yaml).isEqualTo(snapshot);
        assertThat(yaml).contains("rate_limit:", "requests_per_minute: 1", "previous_token:", "until: 2027-01-01T00:00:00.500Z");
    }
}
