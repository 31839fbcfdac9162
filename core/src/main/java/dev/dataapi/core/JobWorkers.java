package dev.dataapi.core;

import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.QueryExecutor;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * This instance's share of the async work: a fixed number of worker threads that take jobs from
 * the {@link JobStore} every instance shares. A worker claims the oldest claimable job, renews its
 * lease every {@link JobSettings#heartbeat()} while the query runs, and stores the result or a
 * consumer-safe error. Idle workers look for work every {@link JobSettings#pollInterval()}, or at
 * once when {@link #wakeUp()} says a job was submitted here. A failing store never stops a worker:
 * it logs and tries again after the poll interval.
 *
 * <p>{@link #close()} stops claiming, waits up to {@link JobSettings#shutdownGrace()} for running
 * jobs, then gives the unfinished ones back to the queue so another instance runs them without
 * waiting for their leases to lapse. Thread-safe.
 */
public final class JobWorkers implements AutoCloseable {
    private static final Logger LOG = System.getLogger(JobWorkers.class.getName());

    private final JobStore jobs;
    private final JobSettings settings;
    private final Clock clock;
    private final JobRun run;
    private final PollingThreads workers;
    private final WakeUps wakeUps;
    private final ScheduledExecutorService heartbeats;
    private final Set<JobClaim> running = ConcurrentHashMap.newKeySet();
    private final CompanyConcurrency concurrency;

    /**
     * Workers that are ready but idle until {@link #start()}.
     *
     * @param jobs     the store shared by every instance
     * @param queries  runs the jobs' queries
     * @param settings worker count, lease, attempts, poll interval and shutdown grace
     * @param clock    the time passed to the store (claims, leases, completion)
     */
    public JobWorkers(JobStore jobs, QueryExecutor queries, JobSettings settings, Clock clock) {
        this(jobs, queries, settings, clock, () -> { });
    }

    /**
     * Workers that are ready but idle until {@link #start()}, and say when a job with a callback ends.
     *
     * @param jobs        the store shared by every instance
     * @param queries     runs the jobs' queries
     * @param settings    worker count, lease, attempts, poll interval and shutdown grace
     * @param clock       the time passed to the store (claims, leases, completion)
     * @param callbackDue called on the worker thread each time this instance completes or fails a job
     *                    that has a callback, typically {@link CallbackDeliveries#wakeUp()}, so its
     *                    delivery starts at once; it must be quick, and a failure there is only logged
     */
    public JobWorkers(JobStore jobs, QueryExecutor queries, JobSettings settings, Clock clock, Runnable callbackDue) {
        this(jobs, queries, settings, CompanyConcurrency.unlimited(), clock, callbackDue);
    }

    /**
     * Workers whose running jobs count against their company's concurrency cap, shared with the
     * sync executions of this instance: a company at its cap has its jobs passed over (not failed,
     * not delayed for the others) until one of its executions ends.
     *
     * @param jobs        the store shared by every instance
     * @param queries     runs the jobs' queries
     * @param settings    worker count, lease, attempts, poll interval and shutdown grace
     * @param concurrency the per-company cap, the same instance the execute use case uses
     * @param clock       the time passed to the store (claims, leases, completion)
     * @param callbackDue called on the worker thread each time this instance ends a job that has a
     *                    callback, typically {@link CallbackDeliveries#wakeUp()}
     */
    public JobWorkers(JobStore jobs, QueryExecutor queries, JobSettings settings, CompanyConcurrency concurrency,
                      Clock clock, Runnable callbackDue) {
        this.concurrency = Objects.requireNonNull(concurrency, "'concurrency' is required");
        this.jobs = Objects.requireNonNull(jobs, "'jobs' is required");
        this.settings = Objects.requireNonNull(settings, "'settings' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
        this.workers = new PollingThreads("job workers", "job worker", "data-api-job-worker-", settings.workers(),
                settings.pollInterval(), LOG);
        this.wakeUps = workers.wakeUps();
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("data-api-job-heartbeat-"));
        this.run = new JobRun(jobs, Objects.requireNonNull(queries, "'queries' is required"), settings, heartbeats, clock,
                Objects.requireNonNull(callbackDue, "'callbackDue' is required"));
    }

    /**
     * Starts the worker threads.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        workers.start(this::workOnce);
        LOG.log(Level.INFO, "job workers started: " + settings.workers() + " (lease " + Seconds.of(settings.lease())
                + " s, at most " + settings.maxAttempts() + " attempts per job)");
    }

    /** Tells idle workers a job was just submitted on this instance, so one starts it now. Cheap; never blocks. */
    public void wakeUp() {
        wakeUps.signal();
    }

    /**
     * Stops claiming, waits up to the shutdown grace for running jobs to finish, then releases the
     * claims of jobs still running (they are queued again, their attempt not counted) and stops.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!workers.beginStop()) {
            return;
        }
        boolean finished = workers.awaitStop(settings.shutdownGrace());
        if (!finished) {
            for (JobClaim claim : running) {
                releaseOnShutdown(claim);
            }
            workers.abort();
        }
        heartbeats.shutdownNow();
        LOG.log(Level.INFO, "job workers stopped" + (finished ? "" : " after giving unfinished jobs back to the queue"));
    }

    private void workOnce() {
        long seen = wakeUps.signals();
        Optional<ClaimedJob> claimed;
        try {
            claimed = jobs.claimNext(now(), settings.lease(), settings.maxAttempts(), concurrency.atCapacity());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "claiming a job failed; trying again in " + Seconds.of(settings.pollInterval()) + " s",
                    LogText.fault(e));
            wakeUps.pause(settings.pollInterval());
            return;
        }
        if (claimed.isEmpty()) {
            wakeUps.awaitSignalAfter(seen, settings.pollInterval());
        } else if (workers.stopping()) {
            releaseOnShutdown(claimed.get().claim());
        } else {
            runClaimed(claimed.get());
        }
    }

    private void runClaimed(ClaimedJob claimed) {
        Optional<CompanyConcurrency.Permit> permit = concurrency.tryAcquire(claimed.job().company());
        if (permit.isEmpty()) {
            // The company reached its cap between the claim and now (a sync request won the race).
            giveBack(claimed.claim());
            wakeUps.pause(settings.pollInterval());
            return;
        }
        running.add(claimed.claim());
        Duration backOff = Duration.ZERO;
        // The permit is given back when the job ends (the resource closes before any catch runs), never
        // held through a back-off: the company's requests may use the slot meanwhile.
        try (CompanyConcurrency.Permit held = permit.get()) {
            backOff = run.run(claimed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + claimed.claim().jobId() + ": the job store failed while the job ran;"
                    + " once its lease lapses it runs again", LogText.fault(e));
            wakeUps.pause(settings.pollInterval());
        } catch (Error e) {
            // An Error (a linkage problem, an allocation that failed) must not silently end this worker
            // thread: the pool would shrink until no job runs. The job runs again once its lease lapses
            // and fails for good after its last attempt.
            LOG.log(Level.ERROR, "job " + claimed.claim().jobId() + ": an unexpected error stopped the job;"
                    + " once its lease lapses it runs again", LogText.fault(e));
            wakeUps.pause(settings.pollInterval());
        } finally {
            running.remove(claimed.claim());
        }
        if (!backOff.isZero()) {
            wakeUps.pause(backOff);
        }
    }

    private void giveBack(JobClaim claim) {
        try {
            jobs.release(claim);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + claim.jobId() + ": could not be given back to the queue; it runs once"
                    + " its lease lapses", LogText.fault(e));
        }
    }

    private void releaseOnShutdown(JobClaim claim) {
        try {
            if (jobs.release(claim)) {
                LOG.log(Level.INFO, "job " + claim.jobId() + ": given back to the queue at shutdown");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job " + claim.jobId() + ": could not be given back at shutdown; it runs again"
                    + " once its lease lapses", LogText.fault(e));
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
