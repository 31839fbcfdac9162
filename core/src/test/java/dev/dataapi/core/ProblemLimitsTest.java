package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.core.ServiceHarness.values;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A request with very many problems gets a bounded answer that still says how many there are. */
class ProblemLimitsTest {

    private static final ParameterSpec REGION = ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING)).build();

    private static ServiceHarness endpointWith(ParameterSpec... parameters) {
        return ServiceHarness.with(anEndpoint().withParameters(parameters).build());
    }

    private static Map<String, Object> unknownNames(int count) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            values.put("typo_" + i, "x");
        }
        return values;
    }

    private static int totalMessageLength(Rejection rejection) {
        return rejection.problems().stream().mapToInt(problem -> problem.message().length()).sum();
    }

    @Test
    void given_100000_unknown_names_when_executed_then_49_are_listed_and_a_last_entry_counts_the_rest() {
        ServiceHarness harness = endpointWith(REGION);

        Rejection rejection = rejection(harness.execute(unknownNames(100_000)));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.detail()).isEqualTo("100000 parameter values are invalid");
        assertThat(rejection.problems()).hasSize(50);
        assertThat(rejection.problems().subList(0, 49)).extracting(ParameterProblem::code).containsOnly("UNKNOWN_PARAMETER");
        assertThat(rejection.problems().get(0).parameter()).isEqualTo("typo_0");
        assertThat(rejection.problems().get(48).parameter()).isEqualTo("typo_48");
        assertThat(rejection.problems().get(49)).isEqualTo(new ParameterProblem("*", "TOO_MANY_PROBLEMS",
                "… and 99951 more problems (only the first 49 are listed)"));
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_exactly_50_problems_when_executed_then_all_50_are_listed_without_a_summary() {
        Rejection rejection = rejection(endpointWith(REGION).execute(unknownNames(50)));

        assertThat(rejection.problems()).hasSize(50).extracting(ParameterProblem::code).containsOnly("UNKNOWN_PARAMETER");
        assertThat(rejection.detail()).isEqualTo("50 parameter values are invalid");
    }

    @Test
    void given_51_problems_when_executed_then_49_are_listed_and_the_summary_counts_2_more() {
        Rejection rejection = rejection(endpointWith(REGION).execute(unknownNames(51)));

        assertThat(rejection.problems()).hasSize(50);
        assertThat(rejection.problems().get(49).message()).isEqualTo("… and 2 more problems (only the first 49 are listed)");
        assertThat(rejection.detail()).isEqualTo("51 parameter values are invalid");
    }

    @Test
    void given_a_100000_element_list_of_values_outside_allowed_values_then_the_answer_stays_small() {
        List<String> allowed = IntStream.range(0, 20).mapToObj(i -> "Region number " + i + " " + "x".repeat(40)).toList();
        ServiceHarness harness = endpointWith(ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
                .allowedValues(allowed).build());
        List<Object> sent = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            sent.add("Leste " + i);
        }

        Rejection rejection = rejection(harness.execute(values("regions", sent)));

        assertThat(rejection.detail()).isEqualTo("100000 parameter values are invalid");
        assertThat(rejection.problems()).hasSize(50);
        assertThat(rejection.problems().get(0).message()).startsWith("'regions[0]' must be one of").endsWith("got 'Leste 0'");
        assertThat(totalMessageLength(rejection)).isLessThan(50 * 1_500);
    }

    @Test
    void given_a_very_long_string_that_breaks_a_constraint_then_the_message_quotes_only_its_first_60_characters() {
        ServiceHarness harness = endpointWith(ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING))
                .allowedValues(List.of("Norte", "Sul")).build());
        String sent = "L".repeat(60) + "this part is not quoted" + "x".repeat(100_000);

        Rejection rejection = rejection(harness.execute(values("region", sent)));

        assertThat(rejection.problems()).singleElement().extracting(ParameterProblem::message).asString()
                .endsWith("got '" + "L".repeat(60) + "…'").doesNotContain("this part");
    }

    @Test
    void given_a_number_with_a_huge_exponent_above_the_maximum_then_the_message_spells_it_briefly() {
        ServiceHarness harness = endpointWith(ParameterSpec.builder("ratio", ParameterType.scalar(ScalarType.NUMBER))
                .max(BigDecimal.TEN).build());

        Rejection rejection = rejection(harness.execute(values("ratio", new BigDecimal("1E+100000000"))));

        assertThat(rejection.problems()).singleElement().extracting(ParameterProblem::message).asString()
                .isEqualTo("'ratio' must be at most 10, got 1E+100000000");
    }

    @Test
    void given_a_number_with_many_digits_above_the_maximum_then_the_message_shows_it_rounded_and_marked() {
        ServiceHarness harness = endpointWith(ParameterSpec.builder("ratio", ParameterType.scalar(ScalarType.NUMBER))
                .max(BigDecimal.TEN).build());

        Rejection rejection = rejection(harness.execute(values("ratio", new BigDecimal("12345678901234567" + "0".repeat(990)))));

        assertThat(rejection.problems()).singleElement().extracting(ParameterProblem::message).asString()
                .isEqualTo("'ratio' must be at most 10, got 1.23456789012…E+1006");
    }

    @Test
    void given_an_endpoint_requiring_60_pins_and_a_key_with_none_then_49_violations_and_a_summary_are_listed() {
        ParameterSpec[] parameters = IntStream.range(0, 60)
                .mapToObj(i -> ParameterSpec.builder("p" + i, ParameterType.scalar(ScalarType.STRING)).defaultValue("x").build())
                .toArray(ParameterSpec[]::new);
        String[] required = IntStream.range(0, 60).mapToObj(i -> "p" + i).toArray(String[]::new);
        ServiceHarness harness = ServiceHarness.with(
                anEndpoint().withParameters(parameters).requiringShareContext(required).build());

        Rejection rejection = rejection(harness.execute());

        assertThat(rejection.code()).isEqualTo(RejectionCode.SHARE_CONTEXT_VIOLATION);
        assertThat(rejection.problems()).hasSize(50);
        assertThat(rejection.problems().subList(0, 49)).extracting(ParameterProblem::code).containsOnly("SHARE_CONTEXT_VIOLATION");
        assertThat(rejection.problems().get(49)).isEqualTo(new ParameterProblem("*", "TOO_MANY_PROBLEMS",
                "… and 11 more problems (only the first 49 are listed)"));
    }
}
