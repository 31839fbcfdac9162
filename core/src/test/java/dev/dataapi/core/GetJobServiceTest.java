package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.NOW;
import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.JobBuilder;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobResultWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a job")
class GetJobServiceTest {
    private static final Rejection JOB_NOT_FOUND = Rejection.of(RejectionCode.JOB_NOT_FOUND, GetJobService.JOB_NOT_FOUND_DETAIL);

    /** Company acme with sales/by-region and sales/other, company globex with its own sales/by-region. */
    private static ServiceHarness harness() {
        return new ServiceHarness().addCompany("globex")
                .add(anEndpoint().async().build(), anEndpoint().async().withSlug("other").build(),
                        anEndpoint().async().withSlug("retired").inactive().build(),
                        anEndpoint().async().withCompany("globex").build())
                .add(aKey().withPermissions(Permission.EXECUTE, Permission.GET_JOB).build());
    }

    private static JobBuilder acmeJob() {
        return aJob().createdAt(NOW);
    }

    private static Job stored(ServiceHarness harness, JobBuilder job) {
        Job built = job.build();
        harness.jobs.insert(built);
        return built;
    }

    private static GetJobOutcome get(ServiceHarness harness, String jobId) {
        return harness.get(Optional.of(TOKEN), "sales", "by-region", jobId);
    }

    @Test
    void given_a_queued_job_of_the_callers_key_when_read_then_it_is_found_as_stored() {
        ServiceHarness harness = harness();
        Job job = stored(harness, acmeJob());

        GetJobOutcome outcome = get(harness, job.id().value());

        assertThat(outcome).isInstanceOfSatisfying(GetJobOutcome.Found.class,
                found -> assertThat(found.job()).isEqualTo(job));
    }

    @Test
    void given_a_completed_job_when_read_then_its_result_streams_the_stored_rows() {
        ServiceHarness harness = harness();
        Job job = stored(harness, acmeJob());
        ClaimedJob claimed = harness.jobs.claimNext(NOW, Duration.ofSeconds(30), 3).orElseThrow();
        List<Column> columns = List.of(new Column("regiao", "varchar"));
        try (JobResultWriter writer = harness.jobs.resultWriter(claimed.claim())) {
            writer.columns(columns);
            writer.row(new Object[] {"Sul"});
            harness.jobs.complete(claimed.claim(), writer, new ResultSummary(columns, 1, false), NOW);
        }

        GetJobOutcome.Found found = (GetJobOutcome.Found) get(harness, job.id().value());
        RecordingSink sink = new RecordingSink();
        found.result().writeTo(sink);

        assertThat(found.job().result()).contains(new ResultSummary(columns, 1, false));
        assertThat(sink.columns()).isEqualTo(columns);
        assertThat(sink.rows()).containsExactly(List.of("Sul"));
    }

    @Test
    void given_a_job_id_that_is_malformed_unknown_expired_or_of_another_endpoint_or_company_then_one_identical_not_found() {
        ServiceHarness harness = harness();
        Job expiring = stored(harness, acmeJob().withRetention(Duration.ofMinutes(10)));
        Job otherEndpoint = stored(harness, acmeJob().withEndpoint("sales", "other"));
        Job otherCompany = stored(harness, acmeJob().withCompany("globex"));
        harness.clock.advance(Duration.ofMinutes(10));

        assertThat(List.of(get(harness, "not-a-job-id"), get(harness, "507F1F77BCF86CD799439011"),
                get(harness, "507f1f77bcf86cd79943901"), get(harness, ""),
                get(harness, JobId.generate(NOW).value()), get(harness, expiring.id().value()),
                get(harness, otherEndpoint.id().value()), get(harness, otherCompany.id().value())))
                .allSatisfy(outcome -> assertThat(rejection(outcome)).isEqualTo(JOB_NOT_FOUND));
        assertThat(harness.get(Optional.of(TOKEN), "sales", "other", otherEndpoint.id().value()))
                .as("the same job under its own endpoint").isInstanceOf(GetJobOutcome.Found.class);
    }

    @Test
    void given_a_key_of_another_company_with_the_same_endpoint_path_when_reading_then_job_not_found() {
        ServiceHarness harness = harness().add(aKey().withId("globex-key").withCompany("globex").withToken("globex-token")
                .withPermissions(Permission.GET_JOB).build());
        Job acme = stored(harness, acmeJob());

        GetJobOutcome outcome = harness.get(Optional.of("globex-token"), "sales", "by-region", acme.id().value());

        assertThat(rejection(outcome)).isEqualTo(JOB_NOT_FOUND);
    }

    @Test
    void given_a_job_run_under_another_share_context_when_read_then_job_not_found() {
        ServiceHarness harness = harness()
                .add(aKey().withId("south").withToken("south-token").withPermissions(Permission.GET_JOB)
                        .pinning("regions", List.of("Sul")).build());
        Job north = stored(harness, acmeJob().pinning("regions", List.of("Norte")));
        Job unpinned = stored(harness, acmeJob());
        Job south = stored(harness, acmeJob().pinning("regions", List.of("Sul")));
        Job southAndMore = stored(harness, acmeJob().pinning("regions", List.of("Sul")).pinning("store", "12"));

        assertThat(rejection(harness.get(Optional.of("south-token"), "sales", "by-region", north.id().value())))
                .isEqualTo(JOB_NOT_FOUND);
        assertThat(rejection(harness.get(Optional.of("south-token"), "sales", "by-region", unpinned.id().value())))
                .isEqualTo(JOB_NOT_FOUND);
        assertThat(rejection(harness.get(Optional.of("south-token"), "sales", "by-region", southAndMore.id().value())))
                .isEqualTo(JOB_NOT_FOUND);
        assertThat(rejection(get(harness, south.id().value()))).as("an unpinned key reading a pinned job")
                .isEqualTo(JOB_NOT_FOUND);
        assertThat(harness.get(Optional.of("south-token"), "sales", "by-region", south.id().value()))
                .isInstanceOf(GetJobOutcome.Found.class);
    }

    @Test
    void given_pins_spelled_differently_but_meaning_the_same_values_when_read_then_the_job_is_found() {
        ServiceHarness harness = harness()
                .add(aKey().withId("pinned").withToken("pinned-token").withPermissions(Permission.GET_JOB)
                        .pinning("regions", List.of("Norte", "Sul")).pinning("min_total", new BigDecimal("10")).build());
        Job job = stored(harness, acmeJob().pinning("regions", List.of("Sul", "Norte"))
                .pinning("min_total", new BigDecimal("10.00")));

        assertThat(harness.get(Optional.of("pinned-token"), "sales", "by-region", job.id().value()))
                .isInstanceOf(GetJobOutcome.Found.class);
    }

    @Test
    void given_a_scalar_pin_and_a_list_pin_of_the_same_value_then_they_are_different_share_contexts() {
        ServiceHarness harness = harness()
                .add(aKey().withId("scalar").withToken("scalar-token").withPermissions(Permission.GET_JOB)
                        .pinning("region", "Sul").build());
        Job job = stored(harness, acmeJob().pinning("region", List.of("Sul")));

        assertThat(rejection(harness.get(Optional.of("scalar-token"), "sales", "by-region", job.id().value())))
                .isEqualTo(JOB_NOT_FOUND);
    }

    @Test
    void given_each_earlier_check_failing_then_it_answers_before_the_job_is_looked_at() {
        ServiceHarness harness = harness()
                .add(aKey().withId("runner").withToken("runner-token").withPermissions(Permission.EXECUTE).build());
        String unknown = JobId.generate(NOW).value();

        assertThat(rejection(harness.get(Optional.empty(), "Bad_Path", "by-region", unknown)))
                .isEqualTo(Rejection.of(RejectionCode.UNAUTHORIZED, ExecuteEndpointService.UNAUTHORIZED_DETAIL));
        assertThat(rejection(harness.get(Optional.of("unknown-token"), "sales", "by-region", unknown)).code())
                .isEqualTo(RejectionCode.UNAUTHORIZED);
        assertThat(rejection(harness.get(Optional.of("runner-token"), "Bad_Path", "by-region", unknown)).code())
                .isEqualTo(RejectionCode.INVALID_PARAMS);
        assertThat(rejection(harness.get(Optional.of(TOKEN), "sales", "", unknown)).code())
                .isEqualTo(RejectionCode.INVALID_PARAMS);
        assertThat(rejection(harness.get(Optional.of("runner-token"), "sales", "missing", unknown)))
                .isEqualTo(Rejection.of(RejectionCode.FORBIDDEN, "This API key lacks the 'data_api:get_job' permission."));
        assertThat(rejection(harness.get(Optional.of(TOKEN), "sales", "missing", "not-a-job-id")))
                .isEqualTo(Rejection.of(RejectionCode.ENDPOINT_NOT_FOUND, "There is no endpoint 'sales/missing' for this API key."));
    }

    @Test
    void given_an_inactive_or_another_companys_endpoint_then_endpoint_not_found_like_execute() {
        ServiceHarness harness = harness();
        harness.addCompany("initech").add(anEndpoint().async().withCompany("initech").withNamespace("hr").withSlug("payroll").build());

        Rejection inactive = rejection(harness.get(Optional.of(TOKEN), "sales", "retired", JobId.generate(NOW).value()));
        Rejection foreign = rejection(harness.get(Optional.of(TOKEN), "hr", "payroll", JobId.generate(NOW).value()));

        assertThat(inactive).isEqualTo(Rejection.of(RejectionCode.ENDPOINT_NOT_FOUND,
                "There is no endpoint 'sales/retired' for this API key."));
        assertThat(foreign).isEqualTo(Rejection.of(RejectionCode.ENDPOINT_NOT_FOUND,
                "There is no endpoint 'hr/payroll' for this API key."));
        assertThat(foreign).isEqualTo(ServiceHarness.rejection(harness.execute(Optional.of(TOKEN), "hr", "payroll",
                ExecuteInput.Parsed.empty())));
    }

    @Test
    void given_the_job_store_fails_when_read_then_internal_error_quoting_the_request_id() {
        ServiceHarness harness = harness();
        harness.jobs.failEverything();

        try (LogCapture log = LogCapture.of(GetJobService.class)) {
            Rejection rejection = rejection(get(harness, JobId.generate(NOW).value()));

            assertThat(rejection.code()).isEqualTo(RejectionCode.INTERNAL_ERROR);
            assertThat(rejection.detail()).contains(ServiceHarness.REQUEST_ID).doesNotContain("unreachable");
            assertThat(log.messages(Level.SEVERE)).singleElement().asString()
                    .contains(ServiceHarness.REQUEST_ID).contains("unreachable");
        }
    }
}
