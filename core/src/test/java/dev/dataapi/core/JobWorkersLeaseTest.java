package dev.dataapi.core;

import static dev.dataapi.core.WorkerHarness.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.core.WorkerHarness.BlockingQuery;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobResultWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
