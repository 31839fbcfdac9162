package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.core.ServiceHarness.values;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.fixtures.ApiKeyBuilder;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShareContextTest {

    private static final ParameterSpec REGION = ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING))
            .defaultValue("Norte").build();
    private static final ParameterSpec REGIONS = ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
            .defaultValue(List.of("Norte")).build();
    private static final ParameterSpec STORE_ID = ParameterSpec.builder("store_id", ParameterType.scalar(ScalarType.INTEGER)).build();

    private static ServiceHarness keyPinning(Endpoint endpoint, ApiKeyBuilder key) {
        return ServiceHarness.with(endpoint).add(key.build());
    }

    private static Endpoint endpointWith(ParameterSpec... parameters) {
        return anEndpoint().withParameters(parameters).build();
    }

    private static List<ParameterProblem> violations(ExecuteOutcome outcome) {
        Rejection rejection = rejection(outcome);
        assertThat(rejection.code()).isEqualTo(RejectionCode.SHARE_CONTEXT_VIOLATION);
        assertThat(rejection.problems()).allSatisfy(problem -> assertThat(problem.code()).isEqualTo("SHARE_CONTEXT_VIOLATION"));
        return rejection.problems();
    }

    @Test
    void given_a_scalar_pin_when_the_caller_sends_the_same_value_then_it_runs_with_it() {
        ServiceHarness harness = keyPinning(endpointWith(REGION), aKey().pinning("region", "Sul"));

        harness.execute(values("region", "Sul"));

        assertThat(harness.boundValues()).containsEntry("region", "Sul");
    }

    @Test
    void given_a_numeric_pin_when_the_caller_sends_the_same_number_spelt_differently_then_it_runs() {
        ServiceHarness harness = keyPinning(endpointWith(STORE_ID), aKey().pinning("store_id", new BigDecimal("42")));

        harness.execute(values("store_id", new BigDecimal("42.0")));

        assertThat(harness.boundValues()).containsEntry("store_id", 42L);
    }

    @Test
    void given_a_scalar_pin_when_the_caller_sends_another_value_then_violation_naming_only_the_parameter() {
        ServiceHarness harness = keyPinning(endpointWith(REGION), aKey().pinning("region", "Sul"));

        List<ParameterProblem> violations = violations(harness.execute(values("region", "Norte")));

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("region");
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_a_list_pin_when_the_caller_sends_a_subset_then_it_runs_with_the_subset() {
        ServiceHarness harness = keyPinning(endpointWith(REGIONS), aKey().pinning("regions", List.of("Sul", "Sudeste")));

        harness.execute(values("regions", List.of("Sudeste")));

        assertThat(harness.boundValues()).containsEntry("regions", List.of("Sudeste"));
    }

    @Test
    void given_a_list_pin_when_the_caller_sends_a_superset_then_violation() {
        ServiceHarness harness = keyPinning(endpointWith(REGIONS), aKey().pinning("regions", List.of("Sul")));

        List<ParameterProblem> violations = violations(harness.execute(values("regions", List.of("Sul", "Norte"))));

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("regions");
    }

    @Test
    void given_a_list_pin_when_the_caller_sends_an_empty_list_then_violation_rather_than_no_filter() {
        ServiceHarness harness = keyPinning(endpointWith(REGIONS), aKey().pinning("regions", List.of("Sul")));

        List<ParameterProblem> violations = violations(harness.execute(values("regions", List.of())));

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("regions");
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_pins_when_the_caller_omits_the_parameters_then_the_pins_beat_the_defaults() {
        ServiceHarness harness = keyPinning(endpointWith(REGION, REGIONS),
                aKey().pinning("region", "Sul").pinning("regions", List.of("Sul", "Sudeste")));

        harness.execute();

        assertThat(harness.boundValues()).containsEntry("region", "Sul").containsEntry("regions", List.of("Sul", "Sudeste"));
    }

    @Test
    void given_a_scalar_pin_on_a_list_parameter_when_omitted_then_it_runs_with_a_one_element_list() {
        ServiceHarness harness = keyPinning(endpointWith(REGIONS), aKey().pinning("regions", "Sul"));

        harness.execute();

        assertThat(harness.boundValues()).containsEntry("regions", List.of("Sul"));
    }

    @Test
    void given_a_one_element_list_pin_on_a_scalar_parameter_when_omitted_then_it_runs_with_that_element() {
        ServiceHarness harness = keyPinning(endpointWith(REGION), aKey().pinning("region", List.of("Sul")));

        harness.execute();

        assertThat(harness.boundValues()).containsEntry("region", "Sul");
    }

    @Test
    void given_a_several_element_list_pin_on_a_scalar_parameter_when_omitted_then_the_caller_must_choose() {
        ServiceHarness harness = keyPinning(endpointWith(REGION), aKey().pinning("region", List.of("Sul", "Sudeste")));

        List<ParameterProblem> violations = violations(harness.execute());

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("region");
        assertThat(violations.get(0).message()).contains("must be given");
    }

    @Test
    void given_a_several_element_list_pin_on_a_scalar_parameter_when_one_of_them_is_sent_then_it_runs_and_another_is_refused() {
        ServiceHarness allowed = keyPinning(endpointWith(REGION), aKey().pinning("region", List.of("Sul", "Sudeste")));
        ServiceHarness refused = keyPinning(endpointWith(REGION), aKey().pinning("region", List.of("Sul", "Sudeste")));

        allowed.execute(values("region", "Sudeste"));
        List<ParameterProblem> violations = violations(refused.execute(values("region", "Norte")));

        assertThat(allowed.boundValues()).containsEntry("region", "Sudeste");
        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("region");
    }

    @Test
    void given_a_list_pin_that_exceeds_max_items_when_omitted_then_the_caller_must_choose() {
        ParameterSpec regions = ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING)).maxItems(1).build();
        ServiceHarness harness = keyPinning(endpointWith(regions), aKey().pinning("regions", List.of("Sul", "Sudeste")));

        List<ParameterProblem> violations = violations(harness.execute());

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("regions");
    }

    @Test
    void given_an_endpoint_requiring_a_pin_when_the_key_has_none_then_violation_and_with_the_pin_it_runs() {
        Endpoint endpoint = anEndpoint().withParameters(REGIONS).requiringShareContext("regions").build();
        ServiceHarness unpinned = ServiceHarness.with(endpoint);
        ServiceHarness pinned = keyPinning(endpoint, aKey().pinning("regions", List.of("Sul")));

        List<ParameterProblem> violations = violations(unpinned.execute(values("regions", List.of("Sul"))));
        pinned.execute();

        assertThat(violations).containsExactly(new ParameterProblem("regions", "SHARE_CONTEXT_VIOLATION",
                "'regions' must be pinned by the API key's share context to run this endpoint"));
        assertThat(unpinned.requests).isEmpty();
        assertThat(pinned.boundValues()).containsEntry("regions", List.of("Sul"));
    }

    @Test
    void given_several_violations_when_executed_then_all_are_reported_together() {
        ServiceHarness harness = keyPinning(endpointWith(REGION, REGIONS),
                aKey().pinning("region", "Sul").pinning("regions", List.of("Sul")));

        List<ParameterProblem> violations = violations(harness.execute(values("region", "Norte", "regions", List.of("Norte"))));

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("region", "regions");
    }

    @Test
    void given_pins_when_a_violation_is_reported_then_no_pinned_value_and_no_other_pin_is_revealed() {
        ServiceHarness harness = keyPinning(endpointWith(REGION, STORE_ID),
                aKey().pinning("region", List.of("Sudeste", "Centro-Oeste")).pinning("store_id", new BigDecimal("31337"))
                        .pinning("tenant_secret", "acme-internal"));

        Rejection rejection = rejection(harness.execute(values("region", "Norte")));

        assertThat(rejection.problems()).extracting(ParameterProblem::parameter).containsExactly("region");
        String everything = rejection.detail() + rejection.problems();
        assertThat(everything).doesNotContain("Sudeste", "Centro-Oeste", "31337", "store_id", "tenant_secret", "acme-internal");
    }

    @Test
    void given_a_pin_that_does_not_fit_the_parameter_type_when_executed_then_violation_and_no_query_runs() {
        ServiceHarness harness = keyPinning(endpointWith(STORE_ID), aKey().pinning("store_id", "not-a-number"));

        List<ParameterProblem> violations = violations(harness.execute());

        assertThat(violations).extracting(ParameterProblem::parameter).containsExactly("store_id");
        assertThat(violations.get(0).message()).doesNotContain("not-a-number");
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_an_invalid_value_and_a_share_context_violation_then_only_the_parameter_problems_are_reported() {
        ServiceHarness harness = keyPinning(endpointWith(REGION, STORE_ID), aKey().pinning("region", "Sul"));

        Rejection rejection = rejection(harness.execute(values("region", "Norte", "store_id", "seven")));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.problems()).extracting(ParameterProblem::parameter).containsExactly("store_id");
    }

    @Test
    void given_a_pin_for_a_parameter_the_endpoint_does_not_declare_when_executed_then_it_is_ignored() {
        ServiceHarness harness = keyPinning(endpointWith(REGION), aKey().pinning("other", "x"));

        harness.execute(Map.of());

        assertThat(harness.boundValues()).containsOnlyKeys("region").containsEntry("region", "Norte");
    }
}
