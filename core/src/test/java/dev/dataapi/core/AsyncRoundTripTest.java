package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.memory.InMemoryCatalogStore;
import dev.dataapi.core.memory.InMemoryJobStore;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.fixtures.ApiKeyBuilder;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The pieces wired as an embedder would: submit, let the workers run the job, read it back. */
@DisplayName("An async execution from submission to result")
class AsyncRoundTripTest {

    @Test
    void given_an_async_endpoint_when_executed_then_the_workers_run_the_job_and_get_job_returns_its_rows() {
        InMemoryCatalogStore catalogStore = new InMemoryCatalogStore(new CatalogSnapshot(
                List.of(aCompany().build()),
                List.of(anEndpoint().async().withSql("SELECT :region AS regiao")
                        .withParameter(ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING)).build())
                        .build()),
                List.of(aKey().withPermissions(Permission.EXECUTE, Permission.GET_JOB).build())));
        CachedCatalog catalog = new CachedCatalog(catalogStore, Duration.ofMinutes(1));
        catalog.refreshNow();
        InMemoryJobStore jobs = new InMemoryJobStore();
        CountDownLatch ran = new CountDownLatch(1);
        JobSettings settings = JobSettings.defaults().withWorkers(2).withPollInterval(Duration.ofHours(1));
        try (LogCapture quiet = LogCapture.of(JobWorkers.class);
             JobWorkers workers = new JobWorkers(jobs, (request, sink) -> {
                 sink.columns(List.of(new Column("regiao", "varchar")));
                 sink.row(new Object[] {request.parameters().get(0).value()});
                 ran.countDown();
                 return new QueryOutcome.Completed(1, false);
             }, settings, Clock.systemUTC())) {
            workers.start();
            ExecuteEndpointService execute = new ExecuteEndpointService(catalog,
                    RequestLimits.none(Clock.systemUTC()), KeyUsageRecorder.discarding(), catalog, catalog,
                    (request, sink) -> new QueryOutcome.Completed(0, false), jobs, settings, new HttpsCallbackUrlPolicy(),
                    url -> Optional.empty(), workers::wakeUp, Clock.systemUTC());
            GetJobService getJob = new GetJobService(catalog,
                    KeyRateLimiter.onlyKeysWithOwnLimits(Clock.systemUTC()), KeyUsageRecorder.discarding(), catalog, jobs,
                    Clock.systemUTC());
            Optional<String> token = Optional.of(ApiKeyBuilder.DEFAULT_TOKEN);

            ExecuteOutcome outcome = execute.execute(new ExecuteCommand(token, "sales", "by-region",
                    new ExecuteInput.Parsed(Map.of("region", "Sul"), Optional.empty()), "req-round-trip"), EmbeddedCatalog.unused());
            String jobId = ((ExecuteOutcome.Accepted) outcome).jobId().value();
            WorkerHarness.await(ran);
            workers.close();

            GetJobOutcome.Found found = (GetJobOutcome.Found) getJob.get(
                    new GetJobCommand(token, "sales", "by-region", jobId, "req-poll"));
            RecordingSink rows = new RecordingSink();
            found.result().writeTo(rows);
            assertThat(found.job().state()).isEqualTo(JobState.COMPLETED);
            assertThat(found.job().query().requestId()).isEqualTo("req-round-trip");
            assertThat(rows.rows()).containsExactly(List.of("Sul"));
        }
    }
}
