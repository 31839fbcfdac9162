package dev.dataapi.core;

import static dev.dataapi.core.WorkerHarness.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.core.WorkerHarness.BlockingQuery;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.QueryRequest;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobResultWriter;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Job workers hold their jobs by leases")
class JobWorkersLeaseTest {
    private final WorkerHarness harness = new WorkerHarness();
    private final LogCapture runLog = LogCapture.of(JobRun.class);
    private final LogCapture heartbeatLog = LogCapture.of(Heartbeat.class);
    private final LogCapture workersLog = LogCapture.of(JobWorkers.class);

    @AfterEach
    void stop() {
        harness.close();
        runLog.close();
        heartbeatLog.close();
        workersLog.close();
    }

    @Test
    void given_a_worker_whose_lease_lapsed_when_another_takes_the_job_then_the_late_completion_is_refused() {
        Job job = harness.queue();
        BlockingQuery slow = new BlockingQuery("from the worker that lost its lease");
        JobSettings settings = settings().withPollInterval(Duration.ofHours(1));
        harness.start(settings, slow);
        slow.awaitStarted();

        harness.clock.advance(settings.lease().plusSeconds(1));
        ClaimedJob takeover = harness.jobs.claimNext(harness.clock.instant(), settings.lease(), 3).orElseThrow();
        slow.finish();

        harness.jobs.await(event -> event.action().equals("complete") && job.id().equals(event.jobId())
                && event.attempt() == 1 && !event.accepted());
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.RUNNING);
        assertThat(harness.find(job.id()).attempts()).isEqualTo(2);
        List<Column> columns = List.of(new Column("label", "text"));
        try (JobResultWriter writer = harness.jobs.resultWriter(takeover.claim())) {
            writer.columns(columns);
            writer.row(new Object[] {"from the worker that took over"});
            assertThat(harness.jobs.complete(takeover.claim(), writer, new ResultSummary(columns, 1, false),
                    harness.clock.instant())).isTrue();
        }
        assertThat(harness.result(job.id()).rows()).containsExactly(List.of("from the worker that took over"));
    }

    @Test
    void given_a_worker_whose_lease_lapsed_when_its_heartbeat_is_refused_then_its_query_stops_at_the_next_row() {
        Job job = harness.queue();
        EndlessQuery endless = new EndlessQuery();
        JobSettings settings = settings().withPollInterval(Duration.ofHours(1)).withLease(Duration.ofMillis(300));
        harness.start(settings, endless);
        endless.awaitRows();

        ClaimedJob takeover = takeOver(job, settings);
        WorkerHarness.await(endless.stopped);

        assertThat(endless.stoppedBy).isInstanceOf(ClaimGuard.ClaimLost.class);
        runLog.await(Level.INFO, "job " + job.id(), "attempt 1", "the lease was lost, so the query was stopped after");
        assertThat(harness.jobs.events()).noneSatisfy(event -> assertThat(event.action()).isIn("complete", "fail"));
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.RUNNING);
        assertThat(harness.jobs.renew(takeover.claim(), harness.clock.instant(), settings.lease()))
                .as("the job stays with the worker that took it over").isTrue();
    }

    /** Lets the running attempt's lease lapse and claims the job as another worker would. */
    private ClaimedJob takeOver(Job job, JobSettings settings) {
        long deadline = System.nanoTime() + Duration.ofSeconds(WorkerHarness.WAIT_SECONDS).toNanos();
        while (System.nanoTime() < deadline) {
            // A heartbeat between the clock's jump and the claim renews the lease; jump again.
            harness.clock.advance(settings.lease().plusSeconds(1));
            Optional<ClaimedJob> claimed = harness.jobs.claimNext(harness.clock.instant(), settings.lease(), 3);
            if (claimed.isPresent()) {
                assertThat(claimed.get().job().id()).isEqualTo(job.id());
                return claimed.get();
            }
        }
        throw new AssertionError("the job's lease never lapsed");
    }

    @Test
    void given_a_job_running_longer_than_its_lease_then_heartbeats_keep_it_from_being_taken() {
        Job job = harness.queue();
        BlockingQuery slow = new BlockingQuery("done");
        JobSettings settings = settings().withLease(Duration.ofMillis(300));
        Instant claimedAt = harness.clock.instant();
        harness.start(settings, slow);
        slow.awaitStarted();

        harness.clock.advance(Duration.ofMillis(200));
        harness.jobs.await(event -> event.action().equals("renew") && event.accepted()
                && !event.now().isBefore(claimedAt.plusMillis(200)));
        harness.clock.advance(Duration.ofMillis(200));

        assertThat(harness.clock.instant()).isAfter(claimedAt.plus(settings.lease()));
        assertThat(harness.jobs.claimNext(harness.clock.instant(), settings.lease(), 3)).isEmpty();
        slow.finish();
        harness.jobs.awaitAccepted("complete", job.id());
        assertThat(harness.find(job.id()).attempts()).isEqualTo(1);
        assertThat(harness.result(job.id()).rows()).containsExactly(List.of("done"));
    }

    @Test
    void given_running_workers_when_closed_then_they_wait_for_a_job_that_finishes_within_the_grace_period() {
        Job job = harness.queue();
        BlockingQuery slow = new BlockingQuery("finished during shutdown");
        JobWorkers workers = harness.start(settings().withWorkers(2), slow);
        slow.awaitStarted();

        Thread closing = new Thread(workers::close, "closing");
        closing.start();
        awaitWaiting(closing);
        assertThat(closing.isAlive()).as("close() waits while the job runs").isTrue();
        slow.finish();

        WorkerHarness.await(joined(closing));
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(harness.result(job.id()).rows()).containsExactly(List.of("finished during shutdown"));
        assertThat(harness.jobs.events()).noneSatisfy(event -> assertThat(event.action()).isEqualTo("release"));
    }

    @Test
    void given_a_job_running_past_the_grace_period_when_closed_then_it_is_given_back_to_the_queue_and_its_late_result_refused() {
        Job job = harness.queue();
        BlockingQuery stuck = new BlockingQuery("too late");
        JobWorkers workers = harness.start(settings().withShutdownGrace(Duration.ofMillis(100)), stuck);
        stuck.awaitStarted();

        workers.close();

        assertThat(harness.find(job.id())).as("queued again, the attempt not counted").isEqualTo(job);
        stuck.finish();
        harness.jobs.await(event -> event.action().equals("complete") && job.id().equals(event.jobId()) && !event.accepted());
        assertThat(harness.find(job.id())).isEqualTo(job);
    }

    @Test
    void given_workers_when_closed_twice_or_before_starting_then_nothing_fails_and_they_cannot_start_again() {
        JobWorkers neverStarted = new JobWorkers(harness.jobs, (request, sink) -> null, settings(), harness.clock);
        neverStarted.close();
        JobWorkers workers = harness.start(settings(), (request, sink) -> null);
        workers.close();
        workers.close();

        assertThatThrownBy(workers::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(neverStarted::start).isInstanceOf(IllegalStateException.class);
    }

    /**
     * A query that keeps producing rows, as a long export does, until its sink refuses one; it
     * records what stopped it and lets that propagate, as the executor contract says.
     */
    private static final class EndlessQuery implements QueryExecutor {
        private final CountDownLatch firstRow = new CountDownLatch(1);
        final CountDownLatch stopped = new CountDownLatch(1);
        volatile RuntimeException stoppedBy;

        void awaitRows() {
            WorkerHarness.await(firstRow);
        }

        @Override
        public QueryOutcome execute(QueryRequest request,
                                                          ResultSink sink) {
            try {
                sink.columns(List.of(new Column("n", "int4")));
                for (int n = 0; n < 100_000; n++) {
                    sink.row(new Object[] {n});
                    firstRow.countDown();
                    Thread.sleep(1); // a database handing over rows as it finds them
                }
                return new QueryOutcome.Completed(100_000, false);
            } catch (RuntimeException e) {
                stoppedBy = e;
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                stopped.countDown();
            }
        }
    }

    /** Waits until {@code thread} blocks in a timed wait: close() waiting for the running job. */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + Duration.ofSeconds(WorkerHarness.WAIT_SECONDS).toNanos();
        while (thread.getState() != Thread.State.TIMED_WAITING) {
            if (System.nanoTime() > deadline || !thread.isAlive()) {
                throw new AssertionError("close() did not wait; thread state " + thread.getState());
            }
            Thread.onSpinWait();
        }
    }

    private static CountDownLatch joined(Thread thread) {
        CountDownLatch done = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try {
                thread.join();
                done.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        return done;
    }
}
