package dev.dataapi.core;

import static dev.dataapi.core.EmbeddedCatalog.KEY_ID;
import static dev.dataapi.core.EmbeddedCatalog.execute;
import static dev.dataapi.core.EmbeddedCatalog.getJob;
import static dev.dataapi.core.EmbeddedCatalog.salesByRegion;
import static dev.dataapi.core.EmbeddedCatalog.store;
import static dev.dataapi.core.EmbeddedCatalog.unused;
import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dataapi.core.memory.InMemoryCatalogStore;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The core built as a library answers requests over the embedder's adapters")
class DataApiTest {
    private static final Instant NOW = Instant.parse("2026-04-11T10:30:00Z");

    private LogCapture workerLogs;

    @BeforeEach
    void quiet() {
        workerLogs = LogCapture.of(JobWorkers.class);
    }

    @AfterEach
    void restoreLogs() {
        workerLogs.close();
    }

    @Test
    void given_a_started_api_when_a_sync_endpoint_is_executed_then_its_rows_reach_the_sink() {
        try (DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).build()) {
            api.start();
            RecordingSink sink = new RecordingSink();

            ExecuteOutcome outcome = api.execute().execute(execute("by-region", "Sul"), sink);

            assertThat(outcome).isInstanceOf(ExecuteOutcome.Executed.class);
            assertThat(((ExecuteOutcome.Executed) outcome).rowCount()).isEqualTo(2);
            assertThat(sink.rows()).containsExactly(List.of("Sul", 120L), List.of("Sul", 40L));
        }
    }

    @Test
    void given_an_async_endpoint_when_executed_then_the_workers_run_the_job_and_get_job_returns_its_rows() {
        ObservableJobStore jobs = new ObservableJobStore();
        // An hour's poll interval: the job only runs at once if submitting it wakes the workers.
        JobSettings settings = JobSettings.defaults().withWorkers(1).withPollInterval(Duration.ofHours(1));
        try (DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).jobs(jobs).jobSettings(settings)
                .build()) {
            api.start();

            JobId id = accepted(api.execute().execute(execute("monthly", "Norte"), unused()));
            jobs.awaitAccepted("complete", id);
            GetJobOutcome outcome = api.getJob().get(getJob(id.value()));

            assertThat(outcome).isInstanceOf(GetJobOutcome.Found.class);
            GetJobOutcome.Found found = (GetJobOutcome.Found) outcome;
            RecordingSink rows = new RecordingSink();
            found.result().writeTo(rows);
            assertThat(found.job().state()).isEqualTo(JobState.COMPLETED);
            assertThat(rows.rows()).containsExactly(List.of("Norte", 80L));
        }
    }

    @Test
    void given_an_instance_without_workers_when_it_accepts_a_job_then_an_instance_sharing_the_store_runs_it() {
        ObservableJobStore jobs = new ObservableJobStore();
        InMemoryCatalogStore catalog = store();
        try (DataApi front = DataApi.builder().catalog(catalog).queries(salesByRegion()).jobs(jobs).jobWorkers(0).build();
             DataApi back = DataApi.builder().catalog(catalog).queries(salesByRegion()).jobs(jobs).jobWorkers(1).build()) {
            front.start();

            JobId id = accepted(front.execute().execute(execute("monthly", "Sul"), unused()));

            assertThat(jobs.events()).extracting(ObservableJobStore.Event::action).doesNotContain("claim");
            assertThat(jobs.find(id, Instant.now()).map(job -> job.state())).contains(JobState.QUEUED);
            back.start();
            jobs.awaitAccepted("complete", id);
            GetJobOutcome read = front.getJob().get(getJob(id.value()));
            assertThat(((GetJobOutcome.Found) read).job().state()).isEqualTo(JobState.COMPLETED);
        }
    }

    @Test
    void given_limits_when_a_key_sends_more_than_its_burst_then_the_extra_request_is_rate_limited() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        RequestLimits limits = new RequestLimits(new KeyRateLimiter(Optional.of(new RateLimit(1, 2)), clock),
                CompanyConcurrency.unlimited(), Long.MAX_VALUE);
        try (DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).limits(limits).clock(clock)
                .build()) {
            api.start();

            List<ExecuteOutcome> outcomes = List.of(
                    api.execute().execute(execute("by-region", "Sul"), new RecordingSink()),
                    api.execute().execute(execute("by-region", "Sul"), new RecordingSink()),
                    api.execute().execute(execute("by-region", "Sul"), new RecordingSink()));

            assertThat(outcomes.subList(0, 2)).allMatch(outcome -> outcome instanceof ExecuteOutcome.Executed);
            Rejection third = rejection(outcomes.get(2));
            assertThat(third.code()).isEqualTo(RejectionCode.RATE_LIMITED);
            assertThat(third.retryAfter()).contains(Duration.ofSeconds(60));
        }
    }

    @Test
    void given_no_limits_when_a_key_sends_many_requests_then_none_is_refused() {
        try (DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).build()) {
            api.start();

            for (int i = 0; i < 50; i++) {
                assertThat(api.execute().execute(execute("by-region", "Sul"), new RecordingSink()))
                        .isInstanceOf(ExecuteOutcome.Executed.class);
            }
        }
    }

    @Test
    void given_no_webhooks_when_an_async_execution_asks_for_a_callback_then_it_is_refused_and_no_job_is_stored() {
        ObservableJobStore jobs = new ObservableJobStore();
        try (DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).jobs(jobs).jobWorkers(0)
                .build()) {
            api.start();

            Rejection rejection = rejection(api.execute().execute(
                    execute("monthly", "Sul", Optional.of("https://hooks.example.com/data-api")), unused()));

            assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
            assertThat(rejection.problems()).extracting(ParameterProblem::parameter, ParameterProblem::code)
                    .containsExactly(tuple("callback_url", DataApiWiring.CALLBACKS_NOT_SUPPORTED));
            assertThat(jobs.countQueued(Instant.now())).isZero();
        }
    }

    @Test
    void given_webhooks_with_no_sender_threads_when_a_callback_is_asked_for_then_it_is_accepted_for_another_instance_to_send() {
        InMemoryCatalogStore catalog = store();
        catalog.apply(new CatalogSnapshot(List.of(aCompany().withWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .build()), List.of(), List.of()));
        List<WebhookRequest> sent = new CopyOnWriteArrayList<>();
        try (DataApi api = DataApi.builder().catalog(catalog).queries(salesByRegion()).jobWorkers(0)
                .webhooks(request -> {
                    sent.add(request);
                    return WebhookResponse.answered(204, Optional.empty());
                }, (job, result) -> new byte[0], url -> Optional.empty())
                .webhookSenders(0).build()) {
            api.start();

            JobId id = accepted(api.execute().execute(
                    execute("monthly", "Sul", Optional.of("https://hooks.example.com/data-api")), unused()));

            GetJobOutcome.Found found = (GetJobOutcome.Found) api.getJob().get(getJob(id.value()));
            assertThat(found.job().callbackUrl()).contains("https://hooks.example.com/data-api");
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void given_a_job_id_generator_when_a_job_is_accepted_then_it_carries_the_generated_id() {
        JobId generated = new JobId("0123456789abcdef01234567");
        try (DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).jobWorkers(0)
                .jobIds(now -> generated).build()) {
            api.start();

            JobId id = accepted(api.execute().execute(execute("monthly", "Sul"), unused()));

            assertThat(id).isEqualTo(generated);
            assertThat(api.getJob().get(getJob(generated.value()))).isInstanceOf(GetJobOutcome.Found.class);
        }
    }

    @Test
    void given_a_catalog_store_that_keeps_key_usage_when_the_api_is_closed_then_the_key_last_use_is_stored() {
        InMemoryCatalogStore catalog = store();
        try (DataApi api = DataApi.builder().catalog(catalog).queries(salesByRegion())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()) {
            api.start();
            api.execute().execute(execute("by-region", "Sul"), new RecordingSink());
        }

        assertThat(catalog.lastUsed()).containsEntry(KEY_ID, NOW);
    }

    @Test
    void given_lookups_served_by_the_embedder_when_executed_then_they_answer_and_decide_readiness() {
        CachedCatalog own = new CachedCatalog(store(), Duration.ofMinutes(1));
        try (DataApi api = DataApi.builder().catalog(own, own, own).queries(salesByRegion()).build()) {
            api.start();
            assertThat(api.readiness().isReady()).isFalse();

            own.refreshNow();

            assertThat(api.readiness().isReady()).isTrue();
            assertThat(api.execute().execute(execute("by-region", "Norte"), new RecordingSink()))
                    .isInstanceOf(ExecuteOutcome.Executed.class);
        }
    }

    @Test
    void given_an_api_when_started_and_closed_then_it_is_ready_only_in_between_and_cannot_start_again() {
        DataApi api = DataApi.builder().catalog(store()).queries(salesByRegion()).build();
        assertThat(api.readiness().isReady()).isFalse();

        api.start();
        assertThat(api.readiness().isReady()).isTrue();
        assertThatThrownBy(api::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("it is running");

        api.close();
        api.close();
        assertThat(api.readiness().isReady()).isFalse();
        assertThatThrownBy(api::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("it is closed");
    }

    @Test
    void given_a_catalog_store_that_fails_when_started_then_the_failure_is_thrown_and_the_api_is_closed() {
        CatalogStore unreachable = new CatalogStore() {
            @Override
            public CatalogSnapshot load() {
                throw new IllegalStateException("the catalog database is unreachable");
            }

            @Override
            public CatalogSnapshot apply(CatalogSnapshot changes, Set<dev.dataapi.ports.CompanyId> pruned) {
                throw new IllegalStateException("the catalog database is unreachable");
            }

            @Override
            public boolean insertKey(dev.dataapi.ports.ApiKey key) {
                throw new IllegalStateException("the catalog database is unreachable");
            }

            @Override
            public boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256,
                                       Optional<String> newPrefix, Optional<dev.dataapi.ports.RetiringToken> previous) {
                throw new IllegalStateException("the catalog database is unreachable");
            }
        };
        DataApi api = DataApi.builder().catalog(unreachable).queries((request, sink) -> new QueryOutcome.Completed(0, false))
                .build();

        assertThatThrownBy(api::start).hasMessage("the catalog database is unreachable");

        assertThat(api.readiness().isReady()).isFalse();
        assertThatThrownBy(api::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("it is closed");
    }

    static JobId accepted(ExecuteOutcome outcome) {
        assertThat(outcome).isInstanceOf(ExecuteOutcome.Accepted.class);
        return ((ExecuteOutcome.Accepted) outcome).jobId();
    }

    static Rejection rejection(ExecuteOutcome outcome) {
        assertThat(outcome).isInstanceOf(ExecuteOutcome.Rejected.class);
        return ((ExecuteOutcome.Rejected) outcome).rejection();
    }
}
