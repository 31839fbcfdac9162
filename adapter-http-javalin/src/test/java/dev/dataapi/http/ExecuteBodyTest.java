package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An execute body is read into JSON-shaped values, or carried as unreadable with a reason")
class ExecuteBodyTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/execute";
    private static final RecordingExecute USE_CASE = new RecordingExecute();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(USE_CASE.answeringEmptyResult());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_no_body_when_executing_then_input_is_empty() {
        server.postEmpty(PATH);

        assertThat(USE_CASE.input()).isEqualTo(ExecuteInput.Parsed.empty());
    }

    @ParameterizedTest(name = "body ''{0}'' is an empty input")
    @ValueSource(strings = {"{}", "  \n ", "{\"parameter_values\":null}", "{\"parameter_values\":{},\"callback_url\":null}"})
    void given_blank_or_empty_object_body_when_executing_then_input_is_empty(String body) {
        server.post(PATH, body, "Content-Type", "application/json");

        assertThat(USE_CASE.input()).isEqualTo(ExecuteInput.Parsed.empty());
    }

    @Test
    void given_numbers_and_nested_lists_when_executing_then_values_arrive_exact_and_in_order() {
        server.post(PATH, "{\"parameter_values\":{\"region\":\"Sul\",\"big\":12345678901234567890.5,\"count\":7,"
                + "\"scaled\":2.50,\"exp\":1e3,\"nested\":[1,[2.0,\"x\"],null],\"flag\":true,\"none\":null,"
                + "\"obj\":{\"b\":1,\"a\":false}},\"callback_url\":\"https://hooks.example.com/x\"}");

        ExecuteInput.Parsed parsed = (ExecuteInput.Parsed) USE_CASE.input();
        Map<String, Object> values = parsed.parameterValues();
        assertThat(values).containsOnlyKeys("region", "big", "count", "scaled", "exp", "nested", "flag", "none", "obj");
        assertThat(List.copyOf(values.keySet()))
                .containsExactly("region", "big", "count", "scaled", "exp", "nested", "flag", "none", "obj");
        assertThat(values.get("region")).isEqualTo("Sul");
        // equals (not compareTo): the scale the caller wrote is kept, nothing went through a double.
        assertThat(values.get("big")).isEqualTo(new BigDecimal("12345678901234567890.5"));
        assertThat(values.get("count")).isEqualTo(new BigDecimal("7"));
        assertThat(values.get("scaled")).isEqualTo(new BigDecimal("2.50"));
        assertThat(values.get("exp")).isEqualTo(new BigDecimal("1e3"));
        assertThat(values.get("nested")).isEqualTo(Arrays.asList(new BigDecimal("1"),
                List.of(new BigDecimal("2.0"), "x"), null));
        assertThat(values.get("flag")).isEqualTo(Boolean.TRUE);
        assertThat(values).containsEntry("none", null);
        assertThat(List.<Object>copyOf(((Map<?, ?>) values.get("obj")).keySet())).containsExactly("b", "a");
        assertThat(parsed.callbackUrl()).contains("https://hooks.example.com/x");
    }

    @Test
    void given_integer_beyond_long_when_executing_then_it_arrives_as_exact_big_decimal() {
        server.post(PATH, "{\"parameter_values\":{\"n\":-98765432109876543210987654321}}");

        assertThat(((ExecuteInput.Parsed) USE_CASE.input()).parameterValues().get("n"))
                .isEqualTo(new BigDecimal("-98765432109876543210987654321"));
    }

    @ParameterizedTest(name = "body {0} is unreadable: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"parameter_values\":               | the body is not valid JSON at line 1",
            "{'parameter_values':{}}              | the body is not valid JSON at line 1, column 2",
            "{}{}                                 | the body is not valid JSON: unexpected content after the JSON value",
            "{} x                                 | the body is not valid JSON",
            "[1,2]                                | the body must be a JSON object",
            "`\"parameter_values\"`               | the body must be a JSON object",
            "42                                   | the body must be a JSON object",
            "null                                 | the body must be a JSON object",
            "{\"parameter_values\":{},\"extra\":1}  | unknown field 'extra' in the body",
            "{\"parameterValues\":{}}             | unknown field 'parameterValues' in the body",
            "{\"parameter_values\":[1]}           | 'parameter_values' must be a JSON object",
            "{\"parameter_values\":\"a=1\"}       | 'parameter_values' must be a JSON object",
            "{\"callback_url\":5}                 | 'callback_url' must be a string",
            "{\"callback_url\":[\"https://x\"]}   | 'callback_url' must be a string",
            "{\"parameter_values\":{},\"parameter_values\":{}} | Duplicate",
            "{\"parameter_values\":{\"a\":1,\"a\":2}}          | Duplicate",
            "{\"parameter_values\":{\"a\":NaN}}   | the body is not valid JSON",
    })
    void given_malformed_body_when_executing_then_use_case_gets_unreadable_naming_the_problem(String body,
                                                                                           String reason) {
        server.post(PATH, body);

        assertThat(USE_CASE.input()).isInstanceOf(ExecuteInput.Unreadable.class);
        assertThat(((ExecuteInput.Unreadable) USE_CASE.input()).reason()).contains(reason);
    }

    @Test
    void given_duplicate_parameter_when_executing_then_reason_names_the_key() {
        server.post(PATH, "{\"parameter_values\":{\"region\":\"Sul\",\"region\":\"Norte\"}}");

        assertThat(((ExecuteInput.Unreadable) USE_CASE.input()).reason()).contains("region");
    }

    @Test
    void given_huge_invalid_token_when_executing_then_reason_stays_short() {
        String huge = "x".repeat(200_000);
        server.post(PATH, "{\"parameter_values\":{\"a\":" + huge + "}}");

        String reason = ((ExecuteInput.Unreadable) USE_CASE.input()).reason();
        assertThat(reason).startsWith("the body is not valid JSON at line 1, column ");
        assertThat(reason.length()).isLessThan(200);
    }

    @Test
    void given_huge_unknown_field_name_when_executing_then_reason_stays_short() {
        server.post(PATH, "{\"" + "k".repeat(40_000) + "\":1}");

        String reason = ((ExecuteInput.Unreadable) USE_CASE.input()).reason();
        assertThat(reason).startsWith("unknown field 'kkkk");
        assertThat(reason.length()).isLessThan(200);
    }

    @Test
    void given_deeply_nested_value_when_executing_then_unreadable_instead_of_a_crash() {
        int depth = 100_000;
        server.post(PATH, "{\"parameter_values\":{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");

        String reason = ((ExecuteInput.Unreadable) USE_CASE.input()).reason();
        assertThat(reason).startsWith("the body is not valid JSON").contains("nesting depth").doesNotContain("`");
    }

    @ParameterizedTest(name = "number {0} is refused")
    @ValueSource(strings = {"1e999999999", "-2.5E-1002", "1e99999999999", "1e-2147483649"})
    void given_number_with_absurd_exponent_when_executing_then_unreadable(String number) {
        server.post(PATH, "{\"parameter_values\":{\"n\":" + number + "}}");

        assertThat(((ExecuteInput.Unreadable) USE_CASE.input()).reason())
                .startsWith("the body is not valid JSON at line 1, column ").contains("exponent");
    }

    @ParameterizedTest(name = "truncated body {0} is refused without the parser's words")
    @ValueSource(strings = {"{", "{\"parameter_values\":[1,", "{\"parameter_values\":{\"a\":\"open"})
    void given_truncated_body_when_executing_then_the_reason_names_no_parser_internals(String body) {
        server.post(PATH, body);

        String reason = ((ExecuteInput.Unreadable) USE_CASE.input()).reason();
        assertThat(reason).startsWith("the body is not valid JSON at line 1, column ")
                .doesNotContain("`", "Source", "REDACTED", "StreamReadFeature");
    }

    @Test
    void given_number_with_large_but_sane_exponent_when_executing_then_it_arrives_exactly() {
        server.post(PATH, "{\"parameter_values\":{\"n\":1.5e300}}");

        assertThat(((ExecuteInput.Parsed) USE_CASE.input()).parameterValues().get("n"))
                .isEqualTo(new BigDecimal("1.5e300"));
    }

    @Test
    void given_callback_url_when_executing_then_it_arrives_unchecked() {
        server.post(PATH, "{\"callback_url\":\"http://not-https.example\"}");

        assertThat(USE_CASE.input()).isEqualTo(new ExecuteInput.Parsed(Map.of(), Optional.of("http://not-https.example")));
    }
}
