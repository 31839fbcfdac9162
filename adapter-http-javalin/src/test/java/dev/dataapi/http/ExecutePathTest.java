package dev.dataapi.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutePathTest {

    @ParameterizedTest(name = "''{0}'' decodes to ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "sales          | sales",
            "a%2Fb          | a/b",
            "a+b            | a+b",
            "caf%c3%a9      | café",
            "%F0%9F%98%80   | \uD83D\uDE00",
            "100%           | 100%",
            "%zz            | %zz",
            "%4             | %4",
            "%C3            | %C3",
            "%\u0663\u0663  | %\u0663\u0663",
    })
    void given_segment_when_decoded_then_percent_escapes_become_utf8_and_malformed_ones_stay_raw(String raw,
                                                                                                 String decoded) {
        assertThat(ExecutePath.decode(raw)).isEqualTo(decoded);
    }

    @Test
    void given_path_outside_the_prefix_when_parsed_then_it_is_not_an_execute_path() {
        assertThat(ExecutePath.parse("/api/v2/data-api/a/b/execute")).isEmpty();
        assertThat(ExecutePath.parse("/api/v1/data-api/a/b/jobs")).isEmpty();
    }
}
