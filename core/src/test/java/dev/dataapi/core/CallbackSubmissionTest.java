package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
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

@DisplayName("Submit-time checks of a callback_url")
class CallbackSubmissionTest {
    private static final String HOOK = "https://hooks.example.com/data-api/done";
    private static final String INTERNAL = "https://metadata.internal.example/latest";

    private static ExecuteOutcome submit(ServiceHarness harness, String callbackUrl) {
        return harness.execute(Optional.of(TOKEN), "sales", "by-region",
                new ExecuteInput.Parsed(Map.of(), Optional.ofNullable(callbackUrl)));
    }

    private static ServiceHarness async() {
        return ServiceHarness.with(anEndpoint().async().build());
    }

    @Test
    void given_a_host_the_address_policy_refuses_then_422_refused_address_with_its_sentence_and_no_job() {
        ServiceHarness harness = async().refusingAddresses("callback_url resolves to a private address");

        Rejection rejection = rejection(submit(harness, INTERNAL));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.detail()).isEqualTo("callback_url resolves to a private address");
        assertThat(rejection.problems()).containsExactly(new ParameterProblem("callback_url", "REFUSED_ADDRESS",
                "callback_url resolves to a private address"));
        assertThat(harness.addressChecks).containsExactly(INTERNAL);
        assertThat(harness.takeQueuedJobs()).isEmpty();
        assertThat(harness.wakeUps.get()).isZero();
    }

    @Test
    void given_a_company_without_webhook_secret_then_422_no_webhook_secret_no_job_and_no_address_lookup() {
        ServiceHarness harness = async().withoutWebhookSecret();

        Rejection rejection = rejection(submit(harness, HOOK));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.problems()).containsExactly(new ParameterProblem("callback_url", "NO_WEBHOOK_SECRET",
                "callbacks need a webhook signing secret on the company; ask the endpoint's owner"));
        assertThat(rejection.detail()).contains("webhook signing secret");
        assertThat(harness.addressChecks).as("no DNS lookup for a callback that cannot be sent").isEmpty();
        assertThat(harness.takeQueuedJobs()).isEmpty();
    }

    @Test
    void given_a_company_without_webhook_secret_when_no_callback_is_asked_then_the_job_is_accepted_for_polling() {
        ServiceHarness harness = async().withoutWebhookSecret();

        ExecuteOutcome outcome = submit(harness, null);

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(harness.takeQueuedJobs()).extracting(Job::callback).containsExactly(Optional.empty());
    }

    @Test
    void given_a_url_that_is_not_https_then_its_form_is_refused_before_the_secret_or_the_address_is_looked_at() {
        ServiceHarness harness = async().withoutWebhookSecret().refusingAddresses("refused");

        Rejection rejection = rejection(submit(harness, "http://hooks.example.com/done"));

        assertThat(rejection.problems()).extracting(ParameterProblem::code).containsExactly("NOT_HTTPS");
        assertThat(harness.addressChecks).isEmpty();
        assertThat(harness.takeQueuedJobs()).isEmpty();
    }

    @Test
    void given_a_sync_endpoint_with_a_callback_then_422_not_allowed_no_job_and_no_address_lookup() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().build());

        Rejection rejection = rejection(submit(harness, HOOK));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.problems()).extracting(ParameterProblem::code).containsExactly("NOT_ALLOWED");
        assertThat(harness.addressChecks).isEmpty();
        assertThat(harness.requests).isEmpty();
        assertThat(harness.takeQueuedJobs()).isEmpty();
    }

    @Test
    void given_every_check_passes_then_the_stored_job_keeps_the_url_with_a_pending_delivery() {
        ServiceHarness harness = async();

        ExecuteOutcome outcome = submit(harness, HOOK);

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(harness.addressChecks).containsExactly(HOOK);
        assertThat(harness.takeQueuedJobs()).singleElement().satisfies(job -> {
            assertThat(job.callbackUrl()).contains(HOOK);
            assertThat(job.callback()).contains(CallbackState.pending());
        });
    }
}
