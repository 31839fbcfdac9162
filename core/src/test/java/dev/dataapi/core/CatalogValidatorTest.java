package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogValidatorTest {

    private static final Company ACME = aCompany().build();
    private static final ParameterSpec REGIONS = ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
            .allowedValues(List.of("Norte", "Sul")).build();
    private static final ParameterSpec STORE_ID = ParameterSpec.builder("store_id", ParameterType.scalar(ScalarType.INTEGER))
            .min(1L).max(100L).build();

    private final CatalogValidator validator = new CatalogValidator();

    private static CatalogSnapshot catalog(List<Company> companies, List<Endpoint> endpoints, List<ApiKey> keys) {
        return new CatalogSnapshot(companies, endpoints, keys);
    }

    private List<CatalogProblem> validate(List<Endpoint> endpoints, List<ApiKey> keys) {
        return validator.validate(catalog(List.of(ACME), endpoints, keys));
    }

    @Test
    void given_a_consistent_catalog_when_validated_then_there_are_no_problems() {
        Endpoint endpoint = anEndpoint().withParameters(REGIONS, STORE_ID).requiringShareContext("regions").build();
        ApiKey key = aKey().pinning("regions", List.of("Sul")).pinning("store_id", new BigDecimal("7")).build();

        assertThat(validate(List.of(endpoint), List.of(key))).isEmpty();
    }

    @Test
    void given_a_company_declared_twice_then_the_problem_names_the_company_and_its_id() {
        List<CatalogProblem> problems = validator.validate(catalog(List.of(ACME, ACME), List.of(), List.of()));

        assertThat(problems).containsExactly(new CatalogProblem("company acme", "id", "company 'acme' is declared more than once"));
    }

    @Test
    void given_an_endpoint_and_a_key_of_an_unknown_company_then_each_is_reported_on_its_company_field() {
        List<CatalogProblem> problems = validator.validate(catalog(List.of(ACME),
                List.of(anEndpoint().withCompany("globex").build()), List.of(aKey().withCompany("globex").build())));

        assertThat(problems).containsExactly(
                new CatalogProblem("endpoint globex/sales/by-region", "company", "company 'globex' is not declared"),
                new CatalogProblem("api_key acme-partner", "company", "company 'globex' is not declared"));
    }

    @Test
    void given_an_endpoint_declared_twice_for_one_company_then_the_problem_is_on_its_slug() {
        List<CatalogProblem> problems = validate(List.of(anEndpoint().build(), anEndpoint().withSql("SELECT 2").build()), List.of());

        assertThat(problems).extracting(CatalogProblem::entry, CatalogProblem::field)
                .containsExactly(tuple("endpoint acme/sales/by-region", "slug"));
    }

    @Test
    void given_the_same_path_in_two_companies_then_it_is_not_a_duplicate() {
        Company globex = aCompany().withId("globex").build();

        List<CatalogProblem> problems = validator.validate(catalog(List.of(ACME, globex),
                List.of(anEndpoint().build(), anEndpoint().withCompany("globex").build()), List.of()));

        assertThat(problems).isEmpty();
    }

    @Test
    void given_a_key_id_used_twice_and_two_keys_sharing_a_token_hash_then_both_are_reported() {
        ApiKey first = aKey().withId("first").withToken("same").build();
        ApiKey sameHash = aKey().withId("second").withToken("same").build();
        ApiKey sameId = aKey().withId("first").withToken("different").build();

        List<CatalogProblem> problems = validate(List.of(), List.of(first, sameHash, sameId));

        assertThat(problems).containsExactlyInAnyOrder(
                new CatalogProblem("api_key first", "id", "api key 'first' is declared more than once"),
                new CatalogProblem("api_key second", "token_sha256",
                        "the same token hash as api key 'first': a token must identify one key"));
    }

    @Test
    void given_defaults_that_break_their_constraints_then_each_is_reported_on_its_parameter_default() {
        Endpoint endpoint = anEndpoint().withParameters(
                ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING))
                        .allowedValues(List.of("Norte", "Sul")).defaultValue("Leste").build(),
                ParameterSpec.builder("store_id", ParameterType.scalar(ScalarType.INTEGER)).min(1L).defaultValue(0L).build(),
                ParameterSpec.builder("label", ParameterType.scalar(ScalarType.STRING)).maxLength(2).defaultValue("abc").build(),
                ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING)).maxItems(1)
                        .defaultValue(List.of("a", "b")).build(),
                ParameterSpec.builder("ok", ParameterType.scalar(ScalarType.INTEGER)).max(5L).defaultValue(5L).build())
                .build();

        List<CatalogProblem> problems = validate(List.of(endpoint), List.of());

        assertThat(problems).extracting(CatalogProblem::field).containsExactly(
                "parameters[0].default", "parameters[1].default", "parameters[2].default", "parameters[3].default");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.entry()).isEqualTo("endpoint acme/sales/by-region"));
        assertThat(problems.get(1).message()).contains("'store_id' must be at least 1, got 0");
    }

    @Test
    void given_a_pin_of_the_wrong_type_then_the_key_is_reported_on_the_share_context_field_naming_the_endpoint() {
        Endpoint endpoint = anEndpoint().withParameters(STORE_ID).build();
        ApiKey key = aKey().pinning("store_id", "seven").build();

        List<CatalogProblem> problems = validate(List.of(endpoint), List.of(key));

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).entry()).isEqualTo("api_key acme-partner");
        assertThat(problems.get(0).field()).isEqualTo("share_context.store_id");
        assertThat(problems.get(0).message()).contains("endpoint acme/sales/by-region", "an integer");
    }

    @Test
    void given_pins_outside_allowed_values_or_bounds_then_each_offending_value_is_reported() {
        Endpoint endpoint = anEndpoint().withParameters(REGIONS, STORE_ID).build();
        ApiKey key = aKey().pinning("regions", List.of("Sul", "Leste")).pinning("store_id", new BigDecimal("101")).build();

        List<CatalogProblem> problems = validate(List.of(endpoint), List.of(key));

        assertThat(problems).extracting(CatalogProblem::field).containsExactly("share_context.regions", "share_context.store_id");
        assertThat(problems.get(0).message()).contains("'Leste'");
        assertThat(problems.get(1).message()).contains("at most 100");
    }

    @Test
    void given_a_list_pin_on_a_scalar_parameter_then_it_is_valid_because_the_caller_chooses_one() {
        Endpoint endpoint = anEndpoint().withParameters(STORE_ID).build();
        ApiKey key = aKey().pinning("store_id", List.of(new BigDecimal("3"), new BigDecimal("4"))).build();

        assertThat(validate(List.of(endpoint), List.of(key))).isEmpty();
    }

    @Test
    void given_a_pin_that_only_another_companys_endpoint_would_refuse_then_there_is_no_problem() {
        Company globex = aCompany().withId("globex").build();
        Endpoint globexEndpoint = anEndpoint().withCompany("globex").withParameters(STORE_ID).build();
        Endpoint acmeEndpoint = anEndpoint().withParameters(
                ParameterSpec.builder("store_id", ParameterType.scalar(ScalarType.STRING)).build()).build();
        ApiKey acmeKey = aKey().pinning("store_id", "seven").build();

        assertThat(validator.validate(catalog(List.of(ACME, globex), List.of(globexEndpoint, acmeEndpoint),
                List.of(acmeKey)))).isEmpty();
    }

    @Test
    void given_a_misspelt_pin_that_no_endpoint_of_the_company_declares_then_it_is_reported_as_restricting_nothing() {
        Endpoint endpoint = anEndpoint().withParameters(REGIONS).build();
        ApiKey key = aKey().pinning("regoins", List.of("Sul")).build();

        assertThat(validate(List.of(endpoint), List.of(key))).containsExactly(new CatalogProblem("api_key acme-partner",
                "share_context.regoins", "'regoins' is not a parameter of any endpoint of company acme;"
                + " a pin that matches nothing restricts nothing"));
    }

    @Test
    void given_a_pin_that_only_another_companys_endpoint_declares_then_it_restricts_nothing_and_is_reported() {
        Company globex = aCompany().withId("globex").build();
        Endpoint globexEndpoint = anEndpoint().withCompany("globex").withParameters(REGIONS).build();
        ApiKey acmeKey = aKey().pinning("regions", List.of("Sul")).build();

        assertThat(validator.validate(catalog(List.of(ACME, globex), List.of(globexEndpoint), List.of(acmeKey))))
                .extracting(CatalogProblem::entry, CatalogProblem::field)
                .containsExactly(tuple("api_key acme-partner", "share_context.regions"));
    }

    @Test
    void given_a_pin_declared_only_by_an_inactive_endpoint_then_it_is_accepted_since_reactivating_it_brings_the_pin_back() {
        Endpoint inactive = anEndpoint().withParameters(REGIONS).inactive().build();
        ApiKey key = aKey().pinning("regions", List.of("Sul")).build();

        assertThat(validate(List.of(inactive), List.of(key))).isEmpty();
    }

    @Test
    void given_a_revoked_key_with_a_pin_that_matches_nothing_then_it_is_accepted_so_revoking_never_waits_on_a_fix() {
        ApiKey revoked = aKey().pinning("regoins", List.of("Sul")).revoked().build();

        assertThat(validate(List.of(anEndpoint().withParameters(REGIONS).build()), List.of(revoked))).isEmpty();
    }

    @Test
    void given_a_new_key_with_a_misspelt_pin_when_validated_against_the_store_then_it_is_reported() {
        CatalogSnapshot stored = catalog(List.of(ACME), List.of(anEndpoint().withParameters(REGIONS).build()), List.of());
        CatalogSnapshot changes = catalog(List.of(), List.of(), List.of(aKey().pinning("regoins", List.of("Sul")).build()));

        assertThat(validator.validateChanges(changes, stored)).extracting(CatalogProblem::entry, CatalogProblem::field)
                .containsExactly(tuple("api_key acme-partner", "share_context.regoins"));
    }

    @Test
    void given_an_endpoint_change_that_drops_the_only_parameter_a_stored_key_pins_when_validated_then_the_key_is_reported() {
        CatalogSnapshot stored = catalog(List.of(ACME), List.of(anEndpoint().withParameters(REGIONS).build()),
                List.of(aKey().pinning("regions", List.of("Sul")).build()));
        CatalogSnapshot changes = catalog(List.of(), List.of(anEndpoint().withParameters(STORE_ID).build()), List.of());

        assertThat(validator.validateChanges(changes, stored)).extracting(CatalogProblem::entry, CatalogProblem::field)
                .containsExactly(tuple("api_key acme-partner", "share_context.regions"));
    }

    @Test
    void given_changes_referring_to_a_stored_company_when_validated_against_the_store_then_there_is_no_problem() {
        CatalogSnapshot stored = catalog(List.of(ACME), List.of(), List.of());
        CatalogSnapshot changes = catalog(List.of(), List.of(anEndpoint().build()), List.of(aKey().build()));

        assertThat(validator.validateChanges(changes, stored)).isEmpty();
        assertThat(validator.validate(changes)).extracting(CatalogProblem::field).containsOnly("company");
    }

    @Test
    void given_a_new_endpoint_that_a_stored_keys_pin_does_not_fit_when_validated_against_the_store_then_the_key_is_reported() {
        CatalogSnapshot stored = catalog(List.of(ACME), List.of(), List.of(aKey().pinning("store_id", "seven").build()));
        CatalogSnapshot changes = catalog(List.of(), List.of(anEndpoint().withParameters(STORE_ID).build()), List.of());

        assertThat(validator.validateChanges(changes, stored)).extracting(CatalogProblem::entry, CatalogProblem::field)
                .containsExactly(tuple("api_key acme-partner", "share_context.store_id"));
    }

    @Test
    void given_a_stored_key_that_is_reapplied_with_its_own_hash_then_it_is_not_a_token_hash_duplicate() {
        ApiKey key = aKey().build();
        CatalogSnapshot stored = catalog(List.of(ACME), List.of(), List.of(key));

        assertThat(validator.validateChanges(catalog(List.of(), List.of(), List.of(aKey().revoked().build())), stored)).isEmpty();
    }
}
