package dev.dataapi.core;

import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The answers for a request refused because capacity is taken, so that both refusals read alike. */
final class CapacityRejections {
    /** Executions are usually short: a second later a slot is likely free. */
    static final Duration COMPANY_RETRY_AFTER = Duration.ofSeconds(1);
    /** A deep queue drains slowly: asking again at once only adds load. */
    static final Duration QUEUE_RETRY_AFTER = Duration.ofSeconds(30);

    private CapacityRejections() {
    }

    /** The company already runs as many executions as it may on this instance. */
    static Rejection companyAtCap(int maxPerCompany) {
        return new Rejection(RejectionCode.RATE_LIMITED, "This company already runs " + maxPerCompany
                + (maxPerCompany == 1 ? " execution" : " executions") + " at once, its limit; retry after "
                + COMPANY_RETRY_AFTER.toSeconds() + " second.", List.of(), Optional.of(COMPANY_RETRY_AFTER));
    }

    /** The company has as many jobs queued as it may; its running jobs must make room first. */
    static Rejection companyQueueFull(long maxPerCompany) {
        return new Rejection(RejectionCode.RATE_LIMITED, "This company already has " + maxPerCompany
                + (maxPerCompany == 1 ? " job" : " jobs") + " waiting in the queue, its limit; retry after "
                + QUEUE_RETRY_AFTER.toSeconds() + " seconds.", List.of(), Optional.of(QUEUE_RETRY_AFTER));
    }

    /** The job queue holds as many jobs as it may. */
    static Rejection queueFull(long maxQueuedJobs) {
        return new Rejection(RejectionCode.RATE_LIMITED, "The job queue is full (" + maxQueuedJobs
                + " jobs waiting); retry after " + QUEUE_RETRY_AFTER.toSeconds() + " seconds.", List.of(),
                Optional.of(QUEUE_RETRY_AFTER));
    }
}
