package dev.dataapi.app.catalog;

import static dev.dataapi.app.catalog.CatalogFixtures.problems;
import static dev.dataapi.app.catalog.CatalogFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.CatalogProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogFileProblemsTest {
    private static final String ACME = "companies: [{id: acme, name: Acme}]\n";
    private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    /** A valid sync endpoint of acme with two parameters, with {@code extra} lines added to it. */
    private static String endpoint(String... extra) {
        return ACME + """
                endpoints:
                  - company: acme
                    namespace: sales
                    slug: by-region
                    mode: sync
                    sql: SELECT * FROM sales WHERE month >= :since AND region = ANY(:regions)
                    parameters:
                      - {name: since, type: date}
                      - {name: regions, type: "string[]"}
                """ + String.join("", extra);
    }

    /** A valid key of acme with {@code extra} lines added to it. */
    private static String apiKey(String... extra) {
        return ACME + """
                api_keys:
                  - id: partner
                    company: acme
                    token_sha256: %s
                    permissions: [data_api:execute]
                """.formatted(TOKEN) + String.join("", extra);
    }

    @Test
    void given_an_unknown_top_level_key_when_read_then_the_key_is_named() {
        assertThat(problems(ACME + "endpoint: []\n")).containsExactly(new CatalogProblem("file", "endpoint",
                "unknown field 'endpoint' (expected one of: companies, endpoints, api_keys)"));
    }

    @Test
    void given_a_misspelt_field_when_read_then_it_is_a_problem_not_ignored() {
        assertThat(problems(endpoint("    max_row: 5\n"))).containsExactly(new CatalogProblem("endpoint acme/sales/by-region",
                "max_row", "unknown field 'max_row' (expected one of: company, namespace, slug, active, mode, max_rows,"
                        + " timeout_seconds, require_share_context, sql, parameters)"));
    }

    @Test
    void given_a_misspelt_parameter_field_when_read_then_the_field_path_names_the_parameter() {
        assertThat(problems(endpoint("      - {name: extra, type: string, maxlength: 3}\n")))
                .extracting(CatalogProblem::field).contains("parameters[2].maxlength");
    }

    @Test
    void given_values_of_the_wrong_shape_when_read_then_each_is_a_problem_on_its_field() {
        assertThat(problems(endpoint("    max_rows: lots\n    require_share_context: regions\n")))
                .containsExactly(
                        new CatalogProblem("endpoint acme/sales/by-region", "max_rows", "'max_rows' must be a whole number, got 'lots'"),
                        new CatalogProblem("endpoint acme/sales/by-region", "require_share_context",
                                "'require_share_context' must be a list, got 'regions'"));
        assertThat(problems(apiKey("    revoked: 'false'\n    share_context: [regions]\n")))
                .containsExactly(
                        new CatalogProblem("api_key partner", "share_context", "'share_context' must be a mapping, got a list"),
                        new CatalogProblem("api_key partner", "revoked", "'revoked' must be true or false, got 'false'"));
    }

    @Test
    void given_a_slug_that_is_not_kebab_case_when_read_then_the_problem_names_the_slug() {
        assertThat(problems(endpoint().replace("slug: by-region", "slug: By_Region"))).containsExactly(
                new CatalogProblem("endpoint acme/sales/By_Region", "slug",
                        "'slug' must be kebab-case (a-z, 0-9, single dashes, at most 64 characters), got 'By_Region'"));
    }

    @Test
    void given_sql_using_an_undeclared_name_when_read_then_the_placeholder_and_the_declared_names_are_listed() {
        assertThat(problems(endpoint().replace("ANY(:regions)", "ANY(:regoin)"))).containsExactly(
                new CatalogProblem("endpoint acme/sales/by-region", "sql", "':regoin' is not a declared parameter (declared: since, regions)"));
    }

    @Test
    void given_sql_that_is_not_one_complete_statement_when_read_then_it_is_a_problem_on_sql() {
        assertThat(problems(endpoint().replace("sql: SELECT *", "sql: SELECT 'open, *")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("sql");
                    assertThat(problem.message()).startsWith("SQL ").contains("line 1");
                });
        assertThat(problems(endpoint().replace("sql: SELECT *", "sql: DELETE FROM sales; SELECT *")))
                .extracting(CatalogProblem::field).containsExactly("sql");
    }

    @Test
    void given_a_misspelt_permission_when_read_then_the_item_is_named() {
        assertThat(problems(apiKey().replace("[data_api:execute]", "[data_api:execute, data_api:run]"))).containsExactly(
                new CatalogProblem("api_key partner", "permissions[1]",
                        "permission must be 'data_api:execute' or 'data_api:get_job', got 'data_api:run'"));
    }

    @Test
    void given_a_misspelt_type_when_read_then_the_parameter_type_is_named() {
        assertThat(problems(endpoint().replace("type: \"string[]\"", "type: strnig"))).containsExactly(
                new CatalogProblem("endpoint acme/sales/by-region", "parameters[1].type",
                        "type must be one of string, integer, number, boolean, date, timestamp (or a list such as string[]),"
                                + " got 'strnig'"));
    }

    @Test
    void given_max_rows_outside_1_to_10000_when_read_then_the_limit_is_stated() {
        assertThat(problems(endpoint("    max_rows: 0\n"))).containsExactly(
                new CatalogProblem("endpoint acme/sales/by-region", "max_rows", "'max_rows' must be between 1 and 10000, got 0"));
        assertThat(problems(endpoint("    max_rows: 10001\n"))).extracting(CatalogProblem::message)
                .containsExactly("'max_rows' must be between 1 and 10000, got 10001");
    }

    @Test
    void given_a_sync_timeout_over_60_seconds_when_read_then_it_is_refused_while_async_may_run_longer() {
        assertThat(problems(endpoint("    timeout_seconds: 61\n"))).containsExactly(new CatalogProblem(
                "endpoint acme/sales/by-region", "timeout_seconds", "'timeout_seconds' of a sync endpoint must be at most 60, got 61"));
        assertThat(CatalogFile.read(endpoint("    timeout_seconds: 3600\n").replace("mode: sync", "mode: async")))
                .isInstanceOf(CatalogFileResult.Valid.class);
    }

    @Test
    void given_missing_required_fields_when_read_then_each_is_named() {
        assertThat(problems(ACME + "endpoints:\n  - {company: acme, namespace: sales, slug: x}\n")).containsExactly(
                new CatalogProblem("endpoint acme/sales/x", "mode", "'mode' is required"),
                new CatalogProblem("endpoint acme/sales/x", "sql", "'sql' is required"));
    }

    @Test
    void given_bad_parameter_constraints_when_read_then_every_one_is_reported_on_its_own_field() {
        assertThat(problems(endpoint("      - {name: n, type: integer, default: 'x', max_length: 3, min: 5, max: 1}\n")))
                .containsExactly(
                        new CatalogProblem("endpoint acme/sales/by-region", "parameters[2].default",
                                "'default' must be an integer (a JSON number without a fraction, 64-bit range)"),
                        new CatalogProblem("endpoint acme/sales/by-region", "parameters[2].max_length",
                                "'max_length' applies to string types and must be at least 1"));
        assertThat(problems(endpoint("      - {name: n, type: integer, min: 5, max: 1}\n"))).containsExactly(
                new CatalogProblem("endpoint acme/sales/by-region", "parameters[2]", "'min' must not be greater than 'max'"));
    }

    @Test
    void given_a_parameter_declared_twice_or_a_required_pin_not_declared_when_read_then_both_are_named() {
        assertThat(problems(endpoint("      - {name: since, type: string}\n", "    require_share_context: [region]\n")))
                .containsExactly(
                        new CatalogProblem("endpoint acme/sales/by-region", "parameters[2].name", "'since' is declared twice"),
                        new CatalogProblem("endpoint acme/sales/by-region", "require_share_context[0]",
                                "'region' is not a declared parameter"));
    }

    @Test
    void given_bad_key_fields_when_read_then_each_is_named() {
        String yaml = ACME + """
                api_keys:
                  - id: partner
                    company: acme
                    token_sha256: 9F86D081
                    permissions: [data_api:execute]
                    share_context: {regions: []}
                    expires_at: next year
                """;
        assertThat(problems(yaml)).containsExactly(
                new CatalogProblem("api_key partner", "token_sha256", "'token_sha256' must be 64 lower-case hex characters"),
                new CatalogProblem("api_key partner", "share_context.regions", "share_context 'regions': a pinned list must not be empty"),
                new CatalogProblem("api_key partner", "expires_at",
                        "'expires_at' must be an ISO-8601 instant such as 2027-06-30T00:00:00Z, got 'next year'"));
    }

    @Test
    void given_a_short_webhook_secret_when_read_then_the_company_field_is_named() {
        assertThat(problems("companies: [{id: acme, name: Acme, webhook_secret: whsec_short}]\n")).containsExactly(
                new CatalogProblem("company acme", "webhook_secret", "'webhook_secret' must start with 'whsec_' followed by base64 key material"));
    }

    @Test
    void given_a_previous_webhook_secret_that_cannot_sign_when_read_then_each_problem_names_its_field() {
        String current = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(problems("companies: [{id: acme, name: Acme, previous_webhook_secret: " + current + "}]\n")).containsExactly(
                new CatalogProblem("company acme", "previous_webhook_secret",
                        "'previous_webhook_secret' needs a 'webhook_secret' that replaces it"));
        assertThat(problems("companies: [{id: acme, name: Acme, webhook_secret: " + current
                + ", previous_webhook_secret: " + current + "}]\n")).containsExactly(
                new CatalogProblem("company acme", "previous_webhook_secret",
                        "'previous_webhook_secret' must differ from 'webhook_secret'"));
        assertThat(problems("companies: [{id: acme, name: Acme, webhook_secret: whsec_short, previous_webhook_secret: old}]\n"))
                .containsExactly(
                        new CatalogProblem("company acme", "webhook_secret",
                                "'webhook_secret' must start with 'whsec_' followed by base64 key material"),
                        new CatalogProblem("company acme", "previous_webhook_secret",
                                "'previous_webhook_secret' must start with 'whsec_' followed by base64 key material"));
    }

    @Test
    void given_webhook_secrets_that_are_not_base64_when_read_then_each_is_refused_by_field_without_being_quoted() {
        String current = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThat(problems("companies: [{id: acme, name: Acme, webhook_secret: whsec_not-base64-key-material!}]\n"))
                .containsExactly(new CatalogProblem("company acme", "webhook_secret",
                        "'webhook_secret' must be 'whsec_' followed by standard base64"));
        assertThat(problems("companies: [{id: acme, name: Acme, webhook_secret: " + current
                + ", previous_webhook_secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaX}]\n")).containsExactly(
                new CatalogProblem("company acme", "previous_webhook_secret",
                        "'previous_webhook_secret' must be 'whsec_' followed by standard base64"));
    }

    @Test
    void given_list_items_that_are_not_mappings_when_read_then_their_position_is_named() {
        assertThat(problems("companies: [acme]\nendpoints: [{}]\n")).containsExactly(
                new CatalogProblem("file", "companies[0]", "expected a mapping with the fields id, name, webhook_secret, previous_webhook_secret, got 'acme'"),
                new CatalogProblem("endpoints[0]", "company", "'company' is required"),
                new CatalogProblem("endpoints[0]", "namespace", "'namespace' is required"),
                new CatalogProblem("endpoints[0]", "slug", "'slug' is required"),
                new CatalogProblem("endpoints[0]", "mode", "'mode' is required"),
                new CatalogProblem("endpoints[0]", "sql", "'sql' is required"));
    }

    @Test
    void given_a_file_with_several_problems_when_read_then_all_are_reported_in_file_order() {
        List<CatalogProblem> problems = problems(text("several-problems.yaml"));

        assertThat(problems).extracting(CatalogProblem::toString).containsExactly(
                "company Acme_Ltd: id: 'id' must be kebab-case (a-z, 0-9, single dashes, at most 64 characters), got 'Acme_Ltd'",
                "endpoint acme/sales/by-region: parameters[0].type: type must be one of string, integer, number, boolean, date,"
                        + " timestamp (or a list such as string[]), got 'strnig'",
                "endpoint acme/sales/by-region: max_rows: 'max_rows' must be between 1 and 10000, got 0",
                "endpoint acme/sales/by-region: timeout_seconds: 'timeout_seconds' of a sync endpoint must be at most 60, got 120",
                "api_key acme-key: expires: unknown field 'expires' (expected one of: id, company, token_sha256, token_prefix,"
                        + " permissions, share_context, namespaces, rate_limit, expires_at, revoked, previous_token)",
                "api_key acme-key: permissions[0]: permission must be 'data_api:execute' or 'data_api:get_job', got 'data_api:run'");
    }

    @Test
    void given_malformed_yaml_when_read_then_one_problem_gives_the_line() {
        String yaml = "companies:\n  - id: acme\n   name: Acme\n";

        assertThat(problems(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.entry()).isEqualTo("file");
            assertThat(problem.field()).isEqualTo("line 3");
            assertThat(problem.message()).contains("column 4");
        });
        assertThat(problems("companies: [{id: 'acme}]\n")).singleElement()
                .satisfies(problem -> assertThat(problem.field()).startsWith("line "));
    }

    @Test
    void given_yaml_features_that_would_change_meaning_silently_when_read_then_they_are_refused_with_the_line() {
        assertThat(problems("companies:\n  - id: acme\n    name: Acme\n    name: Other\n")).containsExactly(
                new CatalogProblem("file", "line 4", "key 'name' appears twice in the same mapping"));
        assertThat(problems("companies:\n  - {id: acme, name: &n Acme}\n  - {id: other, name: *n}\n")).containsExactly(
                new CatalogProblem("file", "line 3", "aliases (*n) are not supported in a catalog file; write the value out"));
        assertThat(problems("? [id]\n: acme\n")).containsExactly(
                new CatalogProblem("file", "line 1", "a mapping key must be plain text, not a list or a mapping"));
        assertThat(problems(ACME + "---\n" + ACME)).containsExactly(
                new CatalogProblem("file", "line 3", "a catalog file holds one YAML document, found a second one"));
    }

    @Test
    void given_a_document_that_is_not_a_mapping_when_read_then_the_expected_sections_are_named() {
        assertThat(problems("- acme\n")).containsExactly(new CatalogProblem("file", "line 1",
                "expected a mapping with the fields companies, endpoints, api_keys, got a list"));
    }
}
