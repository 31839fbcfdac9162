package dev.dataapi.app.catalog;

import static dev.dataapi.app.catalog.CatalogFixtures.problems;
import static dev.dataapi.app.catalog.CatalogFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.out.CatalogSnapshot;
import org.assertj.core.groups.Tuple;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogFileCrossEntryTest {
    private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String ACME = "companies: [{id: acme, name: Acme}]\n";
    private static final String BY_REGION = """
              - company: acme
                namespace: sales
                slug: by-region
                mode: sync
                sql: SELECT * FROM sales WHERE region = ANY(:regions)
                parameters:
                  - {name: regions, type: "string[]", allowed_values: [Norte, Sul]}
            """;

    @Test
    void given_two_endpoints_with_the_same_slug_when_read_then_the_second_is_a_duplicate() {
        assertThat(problems(ACME + "endpoints:\n" + BY_REGION + BY_REGION)).containsExactly(new CatalogProblem(
                "endpoint acme/sales/by-region", "slug", "endpoint 'sales/by-region' of company 'acme' is declared more than once"));
    }

    @Test
    void given_an_endpoint_and_a_key_of_an_undeclared_company_when_read_then_both_name_the_company() {
        String yaml = ACME + "endpoints:\n" + BY_REGION.replace("company: acme", "company: globex") + """
                api_keys:
                  - {id: partner, company: initech, token_sha256: %s, permissions: [data_api:execute]}
                """.formatted(TOKEN);

        assertThat(problems(yaml)).containsExactly(
                new CatalogProblem("endpoint globex/sales/by-region", "company", "company 'globex' is not declared"),
                new CatalogProblem("api_key partner", "company", "company 'initech' is not declared"));
    }

    @Test
    void given_a_pin_that_is_not_of_the_parameter_type_when_read_then_the_pin_and_the_endpoint_are_named() {
        String yaml = ACME + "endpoints:\n" + BY_REGION + """
                api_keys:
                  - id: partner
                    company: acme
                    token_sha256: %s
                    permissions: [data_api:execute]
                    share_context: {regions: 5}
                """.formatted(TOKEN);

        assertThat(problems(yaml)).singleElement().satisfies(problem -> {
            assertThat(problem.entry()).isEqualTo("api_key partner");
            assertThat(problem.field()).isEqualTo("share_context.regions");
            assertThat(problem.message()).contains("parameter 'regions'").contains("endpoint acme/sales/by-region");
        });
    }

    @Test
    void given_a_pin_outside_the_allowed_values_when_read_then_it_is_refused() {
        String yaml = ACME + "endpoints:\n" + BY_REGION + """
                api_keys:
                  - {id: partner, company: acme, token_sha256: %s, permissions: [], share_context: {regions: [Oeste]}}
                """.formatted(TOKEN);

        assertThat(problems(yaml)).extracting(CatalogProblem::field).containsExactly("share_context.regions");
    }

    @Test
    void given_a_default_outside_the_allowed_values_when_read_then_the_default_is_named() {
        String yaml = ACME + "endpoints:\n" + BY_REGION.replace("allowed_values: [Norte, Sul]", "allowed_values: [Norte, Sul], default: [Oeste]");

        assertThat(problems(yaml)).extracting(CatalogProblem::entry, CatalogProblem::field)
                .containsExactly(Tuple.tuple("endpoint acme/sales/by-region", "parameters[0].default"));
    }

    @Test
    void given_a_broken_company_entry_when_read_then_its_endpoints_are_not_also_reported_as_orphans() {
        String yaml = "companies: [{id: acme, name: Acme, webhook_secret: nope}]\nendpoints:\n" + BY_REGION;

        assertThat(problems(yaml)).extracting(CatalogProblem::field).containsExactly("webhook_secret");
    }

    @Test
    void given_endpoints_of_an_already_stored_company_when_read_as_changes_then_they_are_valid() {
        String yaml = "endpoints:\n" + BY_REGION;
        CatalogSnapshot stored = new CatalogSnapshot(List.of(new Company(new CompanyId("acme"), "Acme", Optional.empty())),
                List.of(), List.of());

        assertThat(valid(CatalogFile.read(yaml, stored)).endpoints()).hasSize(1);
        assertThat(problems(yaml)).extracting(CatalogProblem::message).containsExactly("company 'acme' is not declared");
    }
}
