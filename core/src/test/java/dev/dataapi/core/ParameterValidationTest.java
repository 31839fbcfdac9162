package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.core.ServiceHarness.values;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.AbstractMap.SimpleEntry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterValidationTest {

    private static ParameterSpec.Builder param(String name, ScalarType type) {
        return ParameterSpec.builder(name, ParameterType.scalar(type));
    }

    private static ParameterSpec.Builder listParam(String name, ScalarType type) {
        return ParameterSpec.builder(name, ParameterType.listOf(type));
    }

    private static ServiceHarness endpointWith(ParameterSpec... parameters) {
        return ServiceHarness.with(anEndpoint().withParameters(parameters).build());
    }

    private static List<ParameterProblem> problems(ExecuteOutcome outcome) {
        Rejection rejection = rejection(outcome);
        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        return rejection.problems();
    }

    private static BigDecimal num(String value) {
        return new BigDecimal(value);
    }

    @Test
    void given_an_undeclared_name_when_executed_then_unknown_parameter_names_it_and_lists_the_declared_ones() {
        ServiceHarness harness = endpointWith(param("since", ScalarType.DATE).build(), param("region", ScalarType.STRING).build());

        List<ParameterProblem> problems = problems(harness.execute(values("regoin", "Sul")));

        assertThat(problems).containsExactly(new ParameterProblem("regoin", "UNKNOWN_PARAMETER",
                "'regoin' is not a parameter of this endpoint; it takes since, region"));
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_a_number_for_a_string_parameter_when_executed_then_invalid_type_says_what_was_expected() {
        ServiceHarness harness = endpointWith(param("region", ScalarType.STRING).build());

        List<ParameterProblem> problems = problems(harness.execute(values("region", num("7"))));

        assertThat(problems).containsExactly(new ParameterProblem("region", "INVALID_TYPE",
                "'region' must be a string (text without NUL characters)"));
    }

    @Test
    void given_an_integer_parameter_when_given_1_point_0_then_it_binds_the_integer_1() {
        ServiceHarness harness = endpointWith(param("store_id", ScalarType.INTEGER).build());

        harness.execute(values("store_id", num("1.0")));

        assertThat(harness.boundValues()).containsEntry("store_id", 1L);
    }

    @Test
    void given_an_integer_parameter_when_given_a_fraction_a_value_past_64_bits_or_a_string_then_each_is_invalid_type() {
        for (Object value : List.of(num("1.5"), num("9223372036854775808"), "1")) {
            ServiceHarness harness = endpointWith(param("store_id", ScalarType.INTEGER).build());

            List<ParameterProblem> problems = problems(harness.execute(values("store_id", value)));

            assertThat(problems).as("value %s", value).containsExactly(new ParameterProblem("store_id", "INVALID_TYPE",
                    "'store_id' must be " + ScalarType.INTEGER.expectation()));
        }
    }

    @Test
    void given_a_number_parameter_when_given_a_decimal_then_it_binds_exactly_without_binary_rounding() {
        ServiceHarness harness = endpointWith(param("ratio", ScalarType.NUMBER).build());

        harness.execute(values("ratio", num("0.1")));

        assertThat(harness.boundValues().get("ratio")).isEqualTo(num("0.1"));
    }

    @Test
    void given_a_boolean_parameter_when_given_the_string_true_then_invalid_type_and_true_itself_binds() {
        ServiceHarness rejected = endpointWith(param("include_returns", ScalarType.BOOLEAN).build());
        ServiceHarness accepted = endpointWith(param("include_returns", ScalarType.BOOLEAN).build());

        List<ParameterProblem> problems = problems(rejected.execute(values("include_returns", "true")));
        accepted.execute(values("include_returns", true));

        assertThat(problems).extracting(ParameterProblem::code).containsExactly("INVALID_TYPE");
        assertThat(accepted.boundValues()).containsEntry("include_returns", true);
    }

    @Test
    void given_a_date_parameter_when_given_iso_and_non_iso_dates_then_only_iso_binds() {
        ServiceHarness accepted = endpointWith(param("since", ScalarType.DATE).build());
        ServiceHarness rejected = endpointWith(param("since", ScalarType.DATE).build());

        accepted.execute(values("since", "2026-04-11"));
        List<ParameterProblem> problems = problems(rejected.execute(values("since", "11/04/2026")));

        assertThat(accepted.boundValues()).containsEntry("since", LocalDate.of(2026, 4, 11));
        assertThat(problems).containsExactly(new ParameterProblem("since", "INVALID_TYPE",
                "'since' must be a date as an ISO-8601 string (YYYY-MM-DD, years 1 to 9999)"));
    }

    @Test
    void given_a_timestamp_parameter_when_given_one_without_offset_then_invalid_type_and_with_offset_it_binds_in_utc() {
        ServiceHarness accepted = endpointWith(param("as_of", ScalarType.TIMESTAMP).build());
        ServiceHarness rejected = endpointWith(param("as_of", ScalarType.TIMESTAMP).build());

        accepted.execute(values("as_of", "2026-04-11T12:30:00+02:00"));
        List<ParameterProblem> problems = problems(rejected.execute(values("as_of", "2026-04-11T12:30:00")));

        assertThat(accepted.boundValues()).containsEntry("as_of", OffsetDateTime.parse("2026-04-11T10:30:00Z"));
        assertThat(problems).extracting(ParameterProblem::code).containsExactly("INVALID_TYPE");
        assertThat(problems.get(0).message()).contains("with an offset");
    }

    @Test
    void given_a_list_parameter_when_given_a_scalar_then_invalid_type_asks_for_an_array() {
        ServiceHarness harness = endpointWith(listParam("regions", ScalarType.STRING).build());

        List<ParameterProblem> problems = problems(harness.execute(values("regions", "Sul")));

        assertThat(problems).containsExactly(new ParameterProblem("regions", "INVALID_TYPE",
                "'regions' must be a JSON array whose every element is a string (text without NUL characters)"));
    }

    @Test
    void given_a_list_with_a_null_and_a_wrongly_typed_element_when_executed_then_each_is_reported_by_index() {
        ServiceHarness harness = endpointWith(listParam("store_ids", ScalarType.INTEGER).build());

        List<ParameterProblem> problems = problems(harness.execute(values("store_ids", Arrays.asList(num("1"), null, "3"))));

        assertThat(problems).extracting(ParameterProblem::code).containsExactly("INVALID_TYPE", "INVALID_TYPE");
        assertThat(problems.get(0).message()).startsWith("'store_ids[1]' must not be null");
        assertThat(problems.get(1).message()).startsWith("'store_ids[2]' must be an integer");
    }

    @Test
    void given_a_list_of_integers_when_executed_then_it_binds_as_a_list_of_longs() {
        ServiceHarness harness = endpointWith(listParam("store_ids", ScalarType.INTEGER).build());

        harness.execute(values("store_ids", List.of(num("1"), num("2.0"))));

        assertThat(harness.boundValues()).containsEntry("store_ids", List.of(1L, 2L));
    }

    @Test
    void given_json_null_for_a_parameter_with_a_default_when_executed_then_the_default_is_used() {
        ServiceHarness harness = endpointWith(param("since", ScalarType.DATE).defaultValue("2024-01-01").build());

        harness.execute(values("since", null));

        assertThat(harness.boundValues()).containsEntry("since", LocalDate.of(2024, 1, 1));
    }

    @Test
    void given_a_required_parameter_without_default_when_omitted_or_null_then_required() {
        ServiceHarness omitted = endpointWith(param("since", ScalarType.DATE).required(true).build());
        ServiceHarness nulled = endpointWith(param("since", ScalarType.DATE).required(true).build());

        List<ParameterProblem> whenOmitted = problems(omitted.execute(Map.of()));
        List<ParameterProblem> whenNull = problems(nulled.execute(values("since", null)));

        ParameterProblem expected = new ParameterProblem("since", "REQUIRED",
                "'since' is required: give a date as an ISO-8601 string (YYYY-MM-DD, years 1 to 9999)");
        assertThat(whenOmitted).containsExactly(expected);
        assertThat(whenNull).containsExactly(expected);
    }

    @Test
    void given_a_required_parameter_with_a_default_when_omitted_then_the_default_is_used() {
        ServiceHarness harness = endpointWith(param("since", ScalarType.DATE).required(true).defaultValue("2024-01-01").build());

        harness.execute();

        assertThat(harness.boundValues()).containsEntry("since", LocalDate.of(2024, 1, 1));
    }

    @Test
    void given_a_required_parameter_the_key_pins_when_omitted_then_the_pin_is_used() {
        ServiceHarness harness = endpointWith(param("region", ScalarType.STRING).required(true).build())
                .add(aKey().pinning("region", "Sul").build());

        harness.execute();

        assertThat(harness.boundValues()).containsEntry("region", "Sul");
    }

    @Test
    void given_allowed_values_when_a_value_or_a_list_element_is_outside_them_then_not_allowed_for_each() {
        ServiceHarness scalar = endpointWith(param("region", ScalarType.STRING).allowedValues(List.of("Norte", "Sul")).build());
        ServiceHarness list = endpointWith(listParam("regions", ScalarType.STRING).allowedValues(List.of("Norte", "Sul")).build());

        List<ParameterProblem> forScalar = problems(scalar.execute(values("region", "Leste")));
        List<ParameterProblem> forList = problems(list.execute(values("regions", List.of("Leste", "Sul", "Oeste"))));

        assertThat(forScalar).containsExactly(new ParameterProblem("region", "NOT_ALLOWED",
                "'region' must be one of 'Norte', 'Sul', got 'Leste'"));
        assertThat(forList).extracting(ParameterProblem::message).containsExactly(
                "'regions[0]' must be one of 'Norte', 'Sul', got 'Leste'",
                "'regions[2]' must be one of 'Norte', 'Sul', got 'Oeste'");
    }

    @Test
    void given_min_and_max_when_values_fall_outside_then_below_min_and_above_max_also_per_list_element() {
        ServiceHarness scalar = endpointWith(param("store_id", ScalarType.INTEGER).min(1L).max(100L).build());
        ServiceHarness dates = endpointWith(listParam("days", ScalarType.DATE).min("2024-01-01").max("2024-12-31").build());

        List<ParameterProblem> forScalar = problems(scalar.execute(values("store_id", num("0"))));
        List<ParameterProblem> forDates = problems(dates.execute(values("days", List.of("2023-12-31", "2024-06-01", "2025-01-01"))));

        assertThat(forScalar).containsExactly(new ParameterProblem("store_id", "BELOW_MIN", "'store_id' must be at least 1, got 0"));
        assertThat(forDates).containsExactly(
                new ParameterProblem("days", "BELOW_MIN", "'days[0]' must be at least 2024-01-01, got 2023-12-31"),
                new ParameterProblem("days", "ABOVE_MAX", "'days[2]' must be at most 2024-12-31, got 2025-01-01"));
    }

    @Test
    void given_max_length_when_counting_then_characters_are_code_points_not_utf16_units() {
        ServiceHarness fits = endpointWith(param("label", ScalarType.STRING).maxLength(3).build());
        ServiceHarness tooLong = endpointWith(param("label", ScalarType.STRING).maxLength(3).build());

        fits.execute(values("label", "😀😀😀"));
        List<ParameterProblem> problems = problems(tooLong.execute(values("label", "😀😀😀😀")));

        assertThat(fits.boundValues()).containsEntry("label", "😀😀😀");
        assertThat(problems).containsExactly(new ParameterProblem("label", "TOO_LONG",
                "'label' must be at most 3 characters long, got 4"));
    }

    @Test
    void given_max_items_when_the_list_is_longer_then_too_many_items() {
        ServiceHarness harness = endpointWith(listParam("regions", ScalarType.STRING).maxItems(2).build());

        List<ParameterProblem> problems = problems(harness.execute(values("regions", List.of("a", "b", "c"))));

        assertThat(problems).containsExactly(new ParameterProblem("regions", "TOO_MANY_ITEMS",
                "'regions' may have at most 2 items, got 3"));
    }

    @Test
    void given_several_bad_values_when_executed_then_every_problem_is_reported_at_once() {
        ServiceHarness harness = endpointWith(
                param("since", ScalarType.DATE).required(true).build(),
                param("store_id", ScalarType.INTEGER).max(10L).build(),
                param("flag", ScalarType.BOOLEAN).build());

        Rejection rejection = rejection(harness.execute(values("typo", num("1"), "store_id", num("11"), "flag", "yes")));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.detail()).isEqualTo("4 parameter values are invalid");
        assertThat(rejection.problems()).extracting(ParameterProblem::parameter, ParameterProblem::code).containsExactly(
                tuple("typo", "UNKNOWN_PARAMETER"),
                tuple("since", "REQUIRED"),
                tuple("store_id", "ABOVE_MAX"),
                tuple("flag", "INVALID_TYPE"));
        assertThat(rejection.problems()).allSatisfy(problem -> assertThat(problem.message()).contains(problem.parameter()));
    }

    @Test
    void given_one_bad_value_when_executed_then_the_detail_is_singular() {
        ServiceHarness harness = endpointWith(param("flag", ScalarType.BOOLEAN).build());

        assertThat(rejection(harness.execute(values("flag", "yes"))).detail()).isEqualTo("1 parameter value is invalid");
    }

    @Test
    void given_several_parameters_when_executed_then_every_declared_one_is_bound_in_declaration_order() {
        ServiceHarness harness = endpointWith(
                param("since", ScalarType.DATE).defaultValue("2024-01-01").build(),
                listParam("regions", ScalarType.STRING).build(),
                param("store_id", ScalarType.INTEGER).build());

        harness.execute(values("store_id", num("5")));

        assertThat(harness.boundValues()).containsExactly(
                Map.entry("since", LocalDate.of(2024, 1, 1)),
                new SimpleEntry<>("regions", null),
                Map.entry("store_id", 5L));
        assertThat(harness.requests.get(0).parameters()).extracting(bound -> bound.type())
                .containsExactly(ParameterType.scalar(ScalarType.DATE), ParameterType.listOf(ScalarType.STRING),
                        ParameterType.scalar(ScalarType.INTEGER));
    }
}
