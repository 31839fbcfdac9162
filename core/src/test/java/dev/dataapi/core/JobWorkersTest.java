package dev.dataapi.core;

import static dev.dataapi.core.WorkerHarness.NOW;
import static dev.dataapi.core.WorkerHarness.settings;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.QueryRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Job workers run a job to its outcome")
class JobWorkersTest {
    private final WorkerHarness harness = new WorkerHarness();
    private final LogCapture runLog = LogCapture.of(JobRun.class);
    private final LogCapture workersLog = LogCapture.of(JobWorkers.class);

    @AfterEach
    void stop() {
        harness.close();
        runLog.close();
        workersLog.close();
    }

    @Test
    void given_a_query_that_completes_then_the_job_is_completed_with_exactly_its_rows_and_summary() {
        Job job = harness.queue();
        List<Column> columns = List.of(new Column("regiao", "varchar"), new Column("total", "numeric"),
                new Column("dia", "date"));
        List<QueryRequest> ran = new CopyOnWriteArrayList<>();

        harness.start(settings(), (request, sink) -> {
            ran.add(request);
            sink.columns(columns);
            Object[] row = {"Norte", new BigDecimal("10.50"), LocalDate.of(2026, 4, 11)};
            sink.row(row);
            row[0] = "Sul";
            row[1] = null;
            sink.row(row);
            return new QueryOutcome.Completed(2, true);
        });
        harness.jobs.awaitAccepted("complete", job.id());

        ResultSummary summary = new ResultSummary(columns, 2, true);
        assertThat(harness.find(job.id())).isEqualTo(job.start().complete(summary, NOW));
        assertThat(harness.result(job.id()).rows()).containsExactly(
                List.of("Norte", new BigDecimal("10.50"), LocalDate.of(2026, 4, 11)),
                Arrays.asList("Sul", null, LocalDate.of(2026, 4, 11)));
        assertThat(ran).containsExactly(job.query());
    }

    @Test
    void given_a_failing_query_then_the_job_fails_with_a_message_quoting_the_job_id_and_the_diagnostic_only_in_the_log() {
        Job job = harness.queue();
        String diagnostic = "ERROR: relation \"sales_secret\" does not exist";

        harness.start(settings(), (request, sink) -> new QueryOutcome.Failed(diagnostic));
        harness.jobs.awaitAccepted("fail", job.id());

        Job failed = harness.find(job.id());
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains("The query failed. Quote job id " + job.id() + " to the endpoint's owner.");
        assertThat(runLog.messages(Level.WARNING)).anySatisfy(line -> assertThat(line)
                .contains(diagnostic).contains(job.id().value()).contains(job.query().requestId()));
    }

    @Test
    void given_a_diagnostic_and_a_request_id_with_line_breaks_then_the_failure_is_logged_on_one_line_with_them_escaped() {
        Job job = aJob().createdAt(harness.clock.instant()).withRequestId("req-1\r\nINFO forged request").build();
        harness.jobs.insert(job);
        String diagnostic = "ERROR: value \"x\n2026-04-11 10:30:01 INFO job done\" is out of range";

        harness.start(settings(), (request, sink) -> new QueryOutcome.Failed(diagnostic));
        harness.jobs.awaitAccepted("fail", job.id());

        assertThat(runLog.messages(Level.WARNING)).singleElement().asString()
                .doesNotContain("\n", "\r")
                .contains("(request req-1\\r\\nINFO forged request,")
                .contains("value \"x\\n2026-04-11 10:30:01 INFO job done\" is out of range");
    }

    @Test
    void given_a_query_that_times_out_then_the_job_fails_saying_how_long_it_was_given() {
        Job job = harness.queue();

        harness.start(settings(), (request, sink) -> new QueryOutcome.TimedOut());
        harness.jobs.awaitAccepted("fail", job.id());

        assertThat(harness.find(job.id()).error())
                .contains("The query did not finish within 900 seconds and was cancelled.");
    }

    @Test
    void given_a_query_executor_that_throws_then_the_job_fails_as_an_internal_error_and_the_worker_goes_on() {
        Job broken = harness.queue();
        harness.clock.advance(Duration.ofSeconds(1));
        Job next = harness.queue();
        AtomicInteger calls = new AtomicInteger();

        harness.start(settings(), (request, sink) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("bug in the executor");
            }
            sink.columns(List.of());
            return new QueryOutcome.Completed(0, false);
        });
        harness.jobs.awaitAccepted("complete", next.id());

        assertThat(harness.find(broken.id()).error()).contains("The job failed because of an internal error. Quote job id "
                + broken.id() + " to the service's operator.");
        assertThat(runLog.messages(Level.SEVERE)).anySatisfy(line -> assertThat(line)
                .contains(broken.id().value()).contains("bug in the executor"));
    }

    @Test
    void given_an_executor_that_throws_an_error_then_the_worker_thread_survives_and_runs_the_next_job() {
        Job broken = harness.queue();
        harness.clock.advance(Duration.ofSeconds(1));
        Job next = harness.queue();
        AtomicInteger calls = new AtomicInteger();

        harness.start(settings().withWorkers(1), (request, sink) -> {
            if (calls.incrementAndGet() == 1) {
                throw new AbstractMethodError("a stale adapter jar");
            }
            sink.columns(List.of());
            return new QueryOutcome.Completed(0, false);
        });
        harness.jobs.awaitAccepted("complete", next.id());

        assertThat(harness.find(broken.id()).state()).isEqualTo(JobState.RUNNING);
        assertThat(workersLog.messages(Level.SEVERE)).anySatisfy(line -> assertThat(line)
                .contains(broken.id().value()).contains("a stale adapter jar"));
    }

    @Test
    void given_no_database_connection_then_the_job_goes_back_to_the_queue_without_using_an_attempt_and_runs_later() {
        Job job = harness.queue();
        AtomicInteger calls = new AtomicInteger();

        harness.start(settings(), (request, sink) -> {
            if (calls.incrementAndGet() == 1) {
                return new QueryOutcome.Unavailable(Duration.ofMillis(10));
            }
            sink.columns(List.of());
            return new QueryOutcome.Completed(0, false);
        });
        harness.jobs.awaitAccepted("complete", job.id());

        assertThat(harness.jobs.events()).anySatisfy(event -> assertThat(event)
                .isEqualTo(new ObservableJobStore.Event("release", job.id(), 1, null, true)));
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(harness.find(job.id()).attempts()).isEqualTo(1);
    }

    @Test
    void given_idle_workers_polling_rarely_when_a_job_is_submitted_here_and_they_are_woken_then_it_runs_at_once() {
        JobWorkers workers = harness.start(settings().withPollInterval(Duration.ofHours(1)),
                (request, sink) -> new QueryOutcome.Completed(0, false));
        harness.jobs.await(event -> event.action().equals("claim") && !event.accepted());

        Job job = harness.queue();
        workers.wakeUp();

        harness.jobs.awaitAccepted("complete", job.id());
    }

    @Test
    void given_a_job_store_that_throws_when_claiming_then_the_worker_logs_backs_off_and_runs_the_job_once_it_recovers() {
        harness.jobs.failNextClaims(3);
        Job job = harness.queue();

        harness.start(settings(), (request, sink) -> new QueryOutcome.Completed(0, false));
        harness.jobs.awaitAccepted("complete", job.id());

        assertThat(workersLog.messages(Level.WARNING)).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("claiming a job failed").contains("unreachable"));
    }

    @Test
    void given_an_error_while_claiming_then_the_only_worker_survives_and_runs_the_job() {
        harness.jobs.errorOnNextClaims(2);
        Job job = harness.queue();

        harness.start(settings().withWorkers(1), (request, sink) -> new QueryOutcome.Completed(0, false));
        harness.jobs.awaitAccepted("complete", job.id());

        assertThat(workersLog.messages(Level.SEVERE)).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("unexpected failure").contains("no memory left"));
    }

    @Test
    void given_a_thousand_queued_jobs_when_eight_workers_run_them_then_each_is_executed_and_completed_exactly_once() {
        int count = 1_000;
        List<Job> queued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            queued.add(harness.queue());
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        CountDownLatch allRan = new CountDownLatch(count);

        JobWorkers workers = harness.start(settings().withWorkers(8), (request, sink) -> {
            runs.computeIfAbsent(request.requestId(), id -> new AtomicInteger()).incrementAndGet();
            sink.columns(List.of(new Column("request", "text")));
            sink.row(new Object[] {request.requestId()});
            allRan.countDown();
            return new QueryOutcome.Completed(1, false);
        });
        WorkerHarness.await(allRan);
        workers.close();

        assertThat(runs).hasSize(count).allSatisfy((requestId, runCount) -> assertThat(runCount.get()).isEqualTo(1));
        assertThat(queued).allSatisfy(job -> {
            assertThat(harness.find(job.id()).state()).isEqualTo(JobState.COMPLETED);
            assertThat(harness.result(job.id()).rows()).containsExactly(List.of(job.query().requestId()));
        });
        assertThat(harness.jobs.events()).filteredOn(event -> !event.action().equals("claim"))
                .allSatisfy(event -> assertThat(event.accepted()).as("%s", event).isTrue());
    }
}
