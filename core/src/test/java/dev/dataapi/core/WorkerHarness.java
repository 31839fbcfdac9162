package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static dev.dataapi.ports.fixtures.Fixtures.unique;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.QueryRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Job workers over an observable in-memory store and a clock the test moves. Workers started here
 * are closed by {@link #close()}.
 */
final class WorkerHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-04-11T10:30:00Z");
    static final long WAIT_SECONDS = 20;

    final MutableClock clock = new MutableClock(NOW);
    final ObservableJobStore jobs = new ObservableJobStore();
    private final List<JobWorkers> started = new ArrayList<>();

    /** One worker, a 30 s lease, polling every 20 ms, 20 s of shutdown grace. */
    static JobSettings settings() {
        return JobSettings.defaults().withWorkers(1).withPollInterval(Duration.ofMillis(20))
                .withShutdownGrace(Duration.ofSeconds(WAIT_SECONDS));
    }

    /** Stores a new queued job with a request id of its own, created now. */
    Job queue() {
        Job job = aJob().createdAt(clock.instant()).withRequestId(unique("req")).build();
        jobs.insert(job);
        return job;
    }

    /** Creates and starts workers. */
    JobWorkers start(JobSettings settings, QueryExecutor queries) {
        JobWorkers workers = new JobWorkers(jobs, queries, settings, clock);
        started.add(workers);
        workers.start();
        return workers;
    }

    /** Creates and starts workers whose running jobs count against {@code concurrency}. */
    JobWorkers start(JobSettings settings, QueryExecutor queries, CompanyConcurrency concurrency) {
        JobWorkers workers = new JobWorkers(jobs, queries, settings, concurrency, clock, () -> { });
        started.add(workers);
        workers.start();
        return workers;
    }

    /** Stores a new queued job of {@code company}, created now. */
    Job queueFor(String company) {
        Job job = aJob().withCompany(company).createdAt(clock.instant()).withRequestId(unique("req")).build();
        jobs.insert(job);
        return job;
    }

    Job find(JobId id) {
        return jobs.find(id, clock.instant()).orElseThrow();
    }

    RecordingSink result(JobId id) {
        RecordingSink sink = new RecordingSink();
        jobs.readResult(id, sink);
        return sink;
    }

    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("nothing happened within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    @Override
    public void close() {
        started.forEach(JobWorkers::close);
    }

    /**
     * A query that runs until the test lets it finish, then returns one row {@code [label]}. It ignores
     * interrupts, like a database call would, so shutdown cannot cut it short.
     */
    static final class BlockingQuery implements QueryExecutor {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch proceed = new CountDownLatch(1);
        private final String label;

        BlockingQuery(String label) {
            this.label = label;
        }

        void awaitStarted() {
            await(started);
        }

        void finish() {
            proceed.countDown();
        }

        @Override
        public QueryOutcome execute(QueryRequest request, ResultSink sink) {
            started.countDown();
            boolean interrupted = false;
            while (proceed.getCount() > 0) {
                try {
                    proceed.await();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            sink.columns(List.of(new Column("label", "text")));
            sink.row(new Object[] {label});
            return new QueryOutcome.Completed(1, false);
        }
    }
}
