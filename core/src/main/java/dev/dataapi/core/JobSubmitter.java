package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.QueryRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a fully validated async execution into a stored, queued job and wakes this instance's
 * workers, so a job submitted to an idle instance starts at once rather than at the next poll.
 */
final class JobSubmitter {
    private static final Logger LOG = System.getLogger(JobSubmitter.class.getName());

    private final JobStore jobs;
    private final Duration retention;
    private final long maxQueuedJobs;
    private final long maxQueuedJobsPerCompany;
    private final Runnable jobSubmitted;
    private final Clock clock;
    private final Function<Instant, JobId> jobIds;

    /** @param jobIds gives each new job its id from its submission time, typically {@link JobId#generate} */
    JobSubmitter(JobStore jobs, Duration retention, RequestLimits limits, Runnable jobSubmitted, Clock clock,
                 Function<Instant, JobId> jobIds) {
        this.jobs = jobs;
        this.retention = retention;
        this.maxQueuedJobs = limits.maxQueuedJobs();
        this.maxQueuedJobsPerCompany = limits.maxQueuedJobsPerCompany();
        this.jobSubmitted = jobSubmitted;
        this.clock = clock;
        this.jobIds = jobIds;
    }

    ExecuteOutcome submit(ApiKey key, Endpoint endpoint, List<BoundParameter> bound, Optional<String> callbackUrl,
                          String requestId) {
        // Stores keep milliseconds: the 202's created_at then equals what a later GET shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        QueryRequest query = new QueryRequest(endpoint.sql(), bound, endpoint.maxRows(), endpoint.timeout(), requestId);
        Job job;
        try {
            // Inside the try: an embedder's id generator that fails answers like a failing store.
            job = Job.submit(jobIds.apply(now), key.company(), endpoint.ref(), key.id(), key.shareContext(), query,
                    callbackUrl, now, retention);
            Optional<Rejection> full = queueFull(key, now, requestId);
            if (full.isPresent()) {
                return new ExecuteOutcome.Rejected(full.get());
            }
            jobs.insert(job);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + LogText.safe(requestId) + ": storing a job for endpoint " + endpoint.company()
                    + "/" + endpoint.ref() + " failed", LogText.fault(e));
            return new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.INTERNAL_ERROR,
                    "An internal error occurred. Quote request id " + requestId + " to the service's operator."));
        }
        LOG.log(Level.DEBUG, () -> "request " + LogText.safe(requestId) + ": job " + job.id() + " queued for endpoint "
                + endpoint.company() + "/" + endpoint.ref());
        try {
            jobSubmitted.run();
        } catch (RuntimeException e) {
            // The job is stored; a worker polling the store picks it up even if this nudge failed.
            LOG.log(Level.WARNING, "request " + LogText.safe(requestId) + ": waking the job workers failed", LogText.fault(e));
        }
        return new ExecuteOutcome.Accepted(job.id(), endpoint.ref(), now);
    }

    /**
     * Checked, then inserted: concurrent submissions may overshoot a cap by a few, never without
     * bound. The company's share first: a tenant at its share is told so, whatever the others
     * queued. The company's jobs are counted only when the whole queue could hold its share, so a
     * short queue costs one count per submission.
     */
    private Optional<Rejection> queueFull(ApiKey key, Instant now, String requestId) {
        boolean queueCapped = maxQueuedJobs < Long.MAX_VALUE;
        boolean shareCapped = maxQueuedJobsPerCompany < maxQueuedJobs;
        if (!queueCapped && !shareCapped) {
            return Optional.empty();
        }
        long queued = jobs.countQueued(now);
        if (shareCapped && queued >= maxQueuedJobsPerCompany
                && jobs.countQueued(key.company(), now) >= maxQueuedJobsPerCompany) {
            LOG.log(Level.WARNING, "request " + LogText.safe(requestId) + ": company " + key.company() + " has "
                    + maxQueuedJobsPerCompany + " or more jobs queued; the execution is refused");
            return Optional.of(CapacityRejections.companyQueueFull(maxQueuedJobsPerCompany));
        }
        if (queueCapped && queued >= maxQueuedJobs) {
            LOG.log(Level.WARNING, "request " + LogText.safe(requestId) + ": the job queue holds " + maxQueuedJobs
                    + " or more jobs; the execution is refused");
            return Optional.of(CapacityRejections.queueFull(maxQueuedJobs));
        }
        return Optional.empty();
    }
}
