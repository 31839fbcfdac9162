package dev.dataapi.core;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Runs one claimed job: keeps its lease alive, streams the query's rows into the store and records
 * how it ended. The consumer's error messages never carry the database's words; those go to the log
 * under the job id and request id the consumer can quote.
 */
final class JobRun {
    private static final Logger LOG = System.getLogger(JobRun.class.getName());

    private final JobStore jobs;
    private final QueryExecutor queries;
    private final JobSettings settings;
    private final ScheduledExecutorService heartbeats;
    private final Clock clock;
    private final Runnable callbackDue;

    JobRun(JobStore jobs, QueryExecutor queries, JobSettings settings, ScheduledExecutorService heartbeats, Clock clock,
           Runnable callbackDue) {
        this.jobs = jobs;
        this.queries = queries;
        this.settings = settings;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.callbackDue = callbackDue;
    }

    /**
     * Runs the job to its end and stores the outcome; a store failure propagates. Returns how long
     * the worker should wait before claiming again: zero, unless the data source is at capacity.
     */
    Duration run(ClaimedJob claimed) {
        Job job = claimed.job();
        JobClaim claim = claimed.claim();
        Heartbeat heartbeat = Heartbeat.start(heartbeats, jobs, claim, settings.lease(), settings.heartbeat(), clock);
        try (JobResultWriter writer = jobs.resultWriter(claim)) {
            ColumnsSeen sink = new ColumnsSeen(writer);
            QueryOutcome outcome;
            try {
                outcome = queries.execute(job.query(), new ClaimGuard(sink, heartbeat::lost));
            } catch (ClaimGuard.ClaimLost e) {
                // Nothing to record: the store refuses this claim's writes, and the job is another worker's now.
                LOG.log(Level.INFO, label(job) + ": the lease was lost, so the query was stopped after " + e.rowsRead
                        + (e.rowsRead == 1 ? " row" : " rows") + "; the worker now holding the job runs it");
                return Duration.ZERO;
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, label(job) + ": executing the query failed unexpectedly", LogText.fault(e));
                ended(job, "fail", jobs.fail(claim, internalError(job), now()));
                return Duration.ZERO;
            }
            return settle(job, claim, writer, sink.columns(), outcome);
        } finally {
            heartbeat.stop();
        }
    }

    private Duration settle(Job job, JobClaim claim, JobResultWriter writer, List<Column> columns, QueryOutcome outcome) {
        if (outcome instanceof QueryOutcome.Completed) {
            QueryOutcome.Completed completed = (QueryOutcome.Completed) outcome;
            ResultSummary summary = new ResultSummary(columns, completed.rowCount(), completed.truncated());
            ended(job, "complete", jobs.complete(claim, writer, summary, now()));
            return Duration.ZERO;
        }
        if (outcome instanceof QueryOutcome.TimedOut) {
            ended(job, "fail", jobs.fail(claim, "The query did not finish within " + Seconds.of(job.query().timeout())
                    + " seconds and was cancelled.", now()));
            return Duration.ZERO;
        }
        if (outcome instanceof QueryOutcome.Failed) {
            // The diagnostic may quote a caller's value: escaped, it cannot start a forged log line.
            String diagnostic = ((QueryOutcome.Failed) outcome).diagnostic();
            LOG.log(Level.WARNING, label(job) + ": the query failed: " + LogText.safe(diagnostic));
            ended(job, "fail", jobs.fail(claim, "The query failed. Quote job id " + job.id()
                    + " to the endpoint's owner.", now()));
            return Duration.ZERO;
        }
        if (outcome instanceof QueryOutcome.Unavailable) {
            // Capacity, not the job's fault: give it back without counting the attempt and let the pool drain.
            Duration retryAfter = ((QueryOutcome.Unavailable) outcome).retryAfter();
            LOG.log(Level.INFO, label(job) + ": no database connection available; the job goes back to the queue");
            record(job, "release", jobs.release(claim));
            return retryAfter.compareTo(settings.pollInterval()) < 0 ? retryAfter : settings.pollInterval();
        }
        LOG.log(Level.ERROR, label(job) + ": unknown query outcome " + outcome.getClass().getSimpleName());
        ended(job, "fail", jobs.fail(claim, internalError(job), now()));
        return Duration.ZERO;
    }

    private static void record(Job job, String action, boolean accepted) {
        if (!accepted) {
            LOG.log(Level.INFO, label(job) + ": could not " + action + " the job: this worker's claim was lost"
                    + " (its lease lapsed and another worker took over, or it was released)");
        }
    }

    /** Records a completion or failure; once it is stored, a callback is due, so the senders are woken. */
    private void ended(Job job, String action, boolean accepted) {
        record(job, action, accepted);
        if (!accepted || job.callbackUrl().isEmpty()) {
            return;
        }
        try {
            callbackDue.run();
        } catch (RuntimeException e) {
            // The delivery is stored as due; a sender polling the store picks it up even if this nudge failed.
            LOG.log(Level.WARNING, label(job) + ": waking the webhook senders failed", LogText.fault(e));
        }
    }

    private static String internalError(Job job) {
        return "The job failed because of an internal error. Quote job id " + job.id() + " to the service's operator.";
    }

    private static String label(Job job) {
        return "job " + job.id() + " (request " + LogText.safe(job.query().requestId()) + ", endpoint " + job.company() + "/"
                + job.endpoint() + ", attempt " + job.attempts() + ")";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
