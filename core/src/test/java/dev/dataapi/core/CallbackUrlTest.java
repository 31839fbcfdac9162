package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dataapi.ports.Job;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The callback_url of an async execution")
class CallbackUrlTest {
    private final CallbackUrlPolicy policy = new HttpsCallbackUrlPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"https://hooks.example.com/data-api/done", "https://hooks.example.com:8443/done?source=sales#top",
        "HTTPS://Hooks.Example.com/", "https://[2001:db8::1]/hook", "https://hooks.example.com"})
    void given_an_absolute_https_url_with_a_host_then_it_is_accepted(String url) {
        assertThat(policy.check(url)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://hooks.example.com/done", "ftp://hooks.example.com/done", "wss://hooks.example.com/done"})
    void given_another_scheme_then_not_https(String url) {
        assertThat(policy.check(url)).hasValueSatisfying(problem -> {
            assertThat(problem.parameter()).isEqualTo("callback_url");
            assertThat(problem.code()).isEqualTo(HttpsCallbackUrlPolicy.NOT_HTTPS);
            assertThat(problem.message()).contains("https");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hooks.example.com/done", "/done", "https:///done", "https:hooks.example.com",
        "https://hooks example.com/", "https://hooks.example.com:99999/", "https://hooks.example.com:0/",
        "https://[not-an-address]/", "javascript:alert(1)"})
    void given_something_that_is_not_an_absolute_url_with_a_host_then_invalid_url(String url) {
        assertThat(policy.check(url)).hasValueSatisfying(problem -> {
            assertThat(problem.parameter()).isEqualTo("callback_url");
            assertThat(problem.code()).isEqualTo(HttpsCallbackUrlPolicy.INVALID_URL);
        });
    }

    @Test
    void given_credentials_in_the_url_then_invalid_url_without_repeating_them() {
        assertThat(policy.check("https://partner:s3cret@hooks.example.com/done")).hasValueSatisfying(problem -> {
            assertThat(problem.code()).isEqualTo(HttpsCallbackUrlPolicy.INVALID_URL);
            assertThat(problem.message()).contains("user name or password").doesNotContain("s3cret").doesNotContain("partner");
        });
        assertThat(policy.check("https://partner@hooks.example.com/done")).map(ParameterProblem::code)
                .contains(HttpsCallbackUrlPolicy.INVALID_URL);
    }

    @Test
    void given_a_url_longer_than_2048_characters_then_invalid_url() {
        String url = "https://hooks.example.com/" + "a".repeat(2_048 - "https://hooks.example.com/".length());

        assertThat(policy.check(url)).isEmpty();
        assertThat(policy.check(url + "a")).map(ParameterProblem::code).contains(HttpsCallbackUrlPolicy.INVALID_URL);
    }

    @Test
    void given_a_chained_policy_then_it_only_judges_urls_the_first_accepts() {
        CallbackUrlPolicy noExampleOrg = url -> url.contains("example.org")
                ? Optional.of(new ParameterProblem("callback_url", "FORBIDDEN_HOST", "callback_url points to a refused host"))
                : Optional.empty();
        CallbackUrlPolicy chained = policy.andThen(noExampleOrg);

        assertThat(chained.check("https://hooks.example.com/done")).isEmpty();
        assertThat(chained.check("https://hooks.example.org/done")).map(ParameterProblem::code).contains("FORBIDDEN_HOST");
        assertThat(chained.check("http://hooks.example.org/done")).map(ParameterProblem::code)
                .contains(HttpsCallbackUrlPolicy.NOT_HTTPS);
    }

    @Test
    void given_an_async_endpoint_when_the_callback_is_not_https_then_422_on_callback_url_and_no_job() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().async().build());

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region",
                new ExecuteInput.Parsed(Map.of(), Optional.of("http://hooks.example.com/done"))));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.problems()).extracting(ParameterProblem::parameter, ParameterProblem::code)
                .containsExactly(tuple("callback_url", "NOT_HTTPS"));
        assertThat(rejection.detail()).contains("callback_url");
        assertThat(harness.takeQueuedJobs()).isEmpty();
    }

    @Test
    void given_an_async_endpoint_when_the_callback_is_valid_then_the_job_keeps_it() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().async().build());

        ExecuteOutcome outcome = harness.execute(Optional.of(TOKEN), "sales", "by-region",
                new ExecuteInput.Parsed(Map.of(), Optional.of("https://hooks.example.com/done?x=1")));

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(harness.takeQueuedJobs()).extracting(Job::callbackUrl)
                .containsExactly(Optional.of("https://hooks.example.com/done?x=1"));
    }
}
