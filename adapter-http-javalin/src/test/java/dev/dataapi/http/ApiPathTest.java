package dev.dataapi.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiPathTest {

    private static final String PREFIX = "/api/v1/data-api/";

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
        assertThat(PathSegments.decode(raw)).isEqualTo(decoded);
    }

    @ParameterizedTest(name = "''{0}'' executes ''{1}''/''{2}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "sales/by-region/execute   | sales     | by-region",
            "sal%65s/a%2Fb/execute     | sales     | a/b",
            "sales//execute            | sales     | ''",
            "sales/execute             | sales     | ''",
            "/by-region/execute        | ''        | by-region",
            "execute                   | ''        | ''",
            "sales/jobs/execute        | sales     | jobs",
            "jobs/execute              | jobs      | ''",
    })
    void given_execute_shape_when_parsed_then_segments_are_decoded_and_missing_ones_are_empty(String rest,
                                                                                             String namespace,
                                                                                             String slug) {
        assertThat(ApiPath.parse(PREFIX + rest)).contains(new ExecutePath(namespace, slug));
    }

    @ParameterizedTest(name = "''{0}'' reads job ''{3}'' of ''{1}''/''{2}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "sales/by-region/jobs/507f1f77bcf86cd799439011 | sales | by-region | 507f1f77bcf86cd799439011",
            "sales/by-region/jobs/%35%30x%2Fy              | sales | by-region | 50x/y",
            "sales/by-region/jobs/                         | sales | by-region | ''",
            "sales//jobs/abc                               | sales | ''        | abc",
            "//jobs/abc                                    | ''    | ''        | abc",
            "sales/jobs/abc                                | sales | ''        | abc",
            "jobs/abc                                      | ''    | ''        | abc",
    })
    void given_jobs_shape_when_parsed_then_segments_are_decoded_and_missing_ones_are_empty(String rest,
                                                                                          String namespace,
                                                                                          String slug,
                                                                                          String jobId) {
        assertThat(ApiPath.parse(PREFIX + rest)).contains(new JobPath(namespace, slug, jobId));
    }

    @ParameterizedTest(name = "''{0}'' has no shape")
    @ValueSource(strings = {
            "/api/v2/data-api/a/b/execute",
            "/api/v1/data-api",
            "/api/v1/data-api/",
            "/api/v1/data-api/a/b",
            "/api/v1/data-api/a/b/jobs",
            "/api/v1/data-api/a/b/jobs/x/y",
            "/api/v1/data-api/a/b/c/jobs/x",
            "/api/v1/data-api/a/b/job/x",
            "/api/v1/data-api/a/b/c/execute",
            "/api/v1/data-api/a/b/execute/",
    })
    void given_path_of_neither_shape_when_parsed_then_it_is_not_an_api_path(String path) {
        assertThat(ApiPath.parse(path)).isEmpty();
    }

    @Test
    void given_path_of_both_shapes_when_parsed_then_it_is_an_execute_path() {
        // Also job "execute" of namespace "a" with the slug missing; the endpoint a/jobs is the likelier meaning.
        assertThat(ApiPath.parse(PREFIX + "a/jobs/execute")).contains(new ExecutePath("a", "jobs"));
        // Too long to execute: only the jobs shape fits.
        assertThat(ApiPath.parse(PREFIX + "a/b/jobs/execute")).contains(new JobPath("a", "b", "execute"));
    }
}
