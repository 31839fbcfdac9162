package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.NOW;
import static dev.dataapi.core.ServiceHarness.REQUEST_ID;
import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.core.ServiceHarness.values;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.QueryRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Submitting an async execution")
class AsyncSubmissionTest {
    private static final ParameterSpec REGIONS = ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
            .allowedValues(List.of("Norte", "Sul", "Sudeste")).build();
    private static final ParameterSpec YEAR = ParameterSpec.builder("year", ParameterType.scalar(ScalarType.INTEGER))
            .required(true).build();
    private static final Endpoint REPORT = anEndpoint().async().withSql("SELECT * FROM sales WHERE year = :year"
            + " AND region = ANY(:regions)").withParameters(YEAR, REGIONS).withMaxRows(500)
            .withTimeout(Duration.ofSeconds(600)).build();

    private static ServiceHarness pinnedToSul() {
        return new ServiceHarness().add(REPORT)
                .add(aKey().withPermissions(Permission.EXECUTE, Permission.GET_JOB).pinning("regions", List.of("Sul")).build());
    }

    private static ExecuteOutcome submit(ServiceHarness harness, Map<String, Object> values, String callbackUrl) {
        return harness.execute(Optional.of(TOKEN), "sales", "by-region",
                new ExecuteInput.Parsed(values, Optional.ofNullable(callbackUrl)));
    }

    @Test
    void given_a_valid_request_when_submitted_then_one_queued_job_holds_everything_needed_to_run_it_and_workers_are_woken() {
        ServiceHarness harness = pinnedToSul();

        ExecuteOutcome outcome = submit(harness, values("year", 2026L), "https://hooks.example.com/data-api/done");

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Accepted.class);
        ExecuteOutcome.Accepted accepted = (ExecuteOutcome.Accepted) outcome;
        assertThat(accepted.endpoint()).isEqualTo(new EndpointRef("sales", "by-region"));
        assertThat(accepted.createdAt()).isEqualTo(NOW);
        QueryRequest query = new QueryRequest(REPORT.sql(), List.of(
                new BoundParameter("year", YEAR.type(), 2026L),
                new BoundParameter("regions", REGIONS.type(), List.of("Sul"))), 500, Duration.ofSeconds(600), REQUEST_ID);
        Job expected = Job.submit(accepted.jobId(), new CompanyId("acme"), REPORT.ref(), "acme-partner",
                new ShareContext(Map.of("regions", List.of("Sul"))), query,
                Optional.of("https://hooks.example.com/data-api/done"), NOW, Duration.ofHours(24));
        assertThat(harness.jobs.find(accepted.jobId(), NOW)).contains(expected);
        assertThat(harness.takeQueuedJobs()).extracting(Job::id).containsExactly(accepted.jobId());
        assertThat(harness.wakeUps.get()).isEqualTo(1);
        assertThat(harness.requests).as("no query runs on the request thread").isEmpty();
    }

    @Test
    void given_two_accepted_requests_then_two_jobs_are_stored_each_with_its_own_id() {
        ServiceHarness harness = pinnedToSul();

        ExecuteOutcome first = submit(harness, values("year", 2025L), null);
        ExecuteOutcome second = submit(harness, values("year", 2026L), null);

        List<Job> queued = harness.takeQueuedJobs();
        assertThat(queued).extracting(Job::id).containsExactlyInAnyOrder(
                ((ExecuteOutcome.Accepted) first).jobId(), ((ExecuteOutcome.Accepted) second).jobId());
        assertThat(queued).allSatisfy(job -> assertThat(job.callbackUrl()).isEmpty());
        assertThat(harness.wakeUps.get()).isEqualTo(2);
    }

    @Test
    void given_a_clock_finer_than_milliseconds_when_submitted_then_the_answer_and_the_job_show_the_same_millisecond() {
        ServiceHarness harness = pinnedToSul();
        harness.clock.advance(Duration.ofNanos(1_234_567));

        ExecuteOutcome.Accepted accepted = (ExecuteOutcome.Accepted) submit(harness, values("year", 2026L), null);

        assertThat(accepted.createdAt()).isEqualTo(NOW.plusMillis(1));
        assertThat(harness.jobs.find(accepted.jobId(), NOW.plusSeconds(1)).map(Job::createdAt)).contains(NOW.plusMillis(1));
    }

    @Test
    void given_any_check_fails_when_submitted_then_no_job_is_stored_and_no_worker_is_woken() {
        ServiceHarness harness = pinnedToSul()
                .add(aKey().withId("reader").withToken("reader-token").withPermissions(Permission.GET_JOB).build())
                .add(anEndpoint().async().withSlug("retired").inactive().build());
        Map<String, Object> valid = values("year", 2026L);

        assertThat(List.of(
                rejection(harness.execute(Optional.empty(), "sales", "by-region", new ExecuteInput.Parsed(valid, Optional.empty()))).code(),
                rejection(harness.execute(Optional.of(TOKEN), "Sales", "by-region", ExecuteInput.Parsed.empty())).code(),
                rejection(harness.execute(Optional.of("reader-token"), "sales", "by-region",
                        new ExecuteInput.Parsed(valid, Optional.empty()))).code(),
                rejection(harness.execute(Optional.of(TOKEN), "sales", "retired", ExecuteInput.Parsed.empty())).code(),
                rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region", new ExecuteInput.Unreadable("not JSON"))).code(),
                rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region", new ExecuteInput.TooLarge(1024))).code(),
                rejection(submit(harness, values("year", "2026"), null)).code(),
                rejection(submit(harness, values("year", 2026L, "regions", List.of("Norte")), null)).code(),
                rejection(submit(harness, valid, "http://hooks.example.com/done")).code()))
                .containsExactly(RejectionCode.UNAUTHORIZED, RejectionCode.INVALID_PARAMS, RejectionCode.FORBIDDEN,
                        RejectionCode.ENDPOINT_NOT_FOUND, RejectionCode.INVALID_PARAMS, RejectionCode.PAYLOAD_TOO_LARGE,
                        RejectionCode.INVALID_PARAMETER, RejectionCode.SHARE_CONTEXT_VIOLATION,
                        RejectionCode.INVALID_PARAMETER);

        assertThat(harness.takeQueuedJobs()).isEmpty();
        assertThat(harness.wakeUps.get()).isZero();
    }

    @Test
    void given_the_job_store_fails_when_submitted_then_internal_error_quoting_the_request_id_and_no_worker_is_woken() {
        ServiceHarness harness = pinnedToSul();
        harness.jobs.failEverything();

        try (LogCapture log = LogCapture.of(JobSubmitter.class)) {
            var rejection = rejection(submit(harness, values("year", 2026L), null));

            assertThat(rejection.code()).isEqualTo(RejectionCode.INTERNAL_ERROR);
            assertThat(rejection.detail()).contains(REQUEST_ID).doesNotContain("unreachable");
            assertThat(log.messages(Level.SEVERE)).singleElement().asString().contains(REQUEST_ID).contains("unreachable");
        }
        assertThat(harness.wakeUps.get()).isZero();
    }

    @Test
    void given_waking_the_workers_fails_when_submitted_then_the_job_is_still_accepted_and_stored() {
        ServiceHarness harness = pinnedToSul().failingWakeUps();

        ExecuteOutcome outcome;
        try (LogCapture log = LogCapture.of(JobSubmitter.class)) {
            outcome = submit(harness, values("year", 2026L), null);
            assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("waking the job workers failed");
        }

        assertThat(outcome).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(harness.takeQueuedJobs()).extracting(Job::id).containsExactly(((ExecuteOutcome.Accepted) outcome).jobId());
    }
}
