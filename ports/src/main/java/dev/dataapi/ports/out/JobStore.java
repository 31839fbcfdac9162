package dev.dataapi.ports.out;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.ResultSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Durable jobs and the work queue over them, shared by every instance of the service.
 *
 * <p>Contract: thread-safe and safe across processes sharing the store; {@link #claimNext} hands a
 * job to exactly one worker at a time; every method that takes a {@link JobClaim} does nothing and
 * returns false unless that claim is the job's current one (fencing); a job whose lease lapsed is
 * claimable again, and one that has already been started {@code maxAttempts} times is failed
 * instead with "execution was interrupted"; an expired job reads as absent even before the store
 * deletes it; a result of {@link dev.dataapi.ports.Endpoint#MAX_ROWS_LIMIT} rows of any width is
 * storable. Infrastructure failures throw an unchecked exception of the adapter's family.
 */
public interface JobStore {

    /**
     * Stores a new, queued job.
     *
     * @param job the job, as {@link Job#submit} made it
     */
    void insert(Job job);

    /**
     * The job, unless it does not exist or has expired at {@code now}.
     *
     * @param id  the job's id
     * @param now the current time
     * @return the stored job, or empty
     */
    Optional<Job> find(JobId id, Instant now);

    /**
     * Atomically claims the oldest claimable job (queued, or running with a lapsed lease): it
     * becomes RUNNING with one more attempt and a lease until {@code now + lease}. Jobs that may not
     * be attempted again are failed on the way. Empty when there is nothing to do.
     *
     * @param now         the current time
     * @param lease       how long the claim holds without renewal
     * @param maxAttempts how many starts a job may have
     * @return the claimed job, or empty
     */
    default Optional<ClaimedJob> claimNext(Instant now, Duration lease, int maxAttempts) {
        return claimNext(now, lease, maxAttempts, Set.of());
    }

    /**
     * Like {@link #claimNext(Instant, Duration, int)}, passing over the jobs of the {@code skipped}
     * companies (those at their concurrency cap), so that one company's backlog does not hold up
     * the others'. Jobs passed over are not touched: neither failed nor claimed.
     *
     * @param now         the current time
     * @param lease       how long the claim holds without renewal
     * @param maxAttempts how many starts a job may have
     * @param skipped     companies whose jobs are left alone
     * @return the claimed job, or empty
     */
    Optional<ClaimedJob> claimNext(Instant now, Duration lease, int maxAttempts, Set<CompanyId> skipped);

    /**
     * How many jobs are queued (waiting for their first or next attempt) and not expired at {@code now}.
     *
     * @param now the current time
     * @return the queue's depth
     */
    long countQueued(Instant now);

    /**
     * How many of {@code company}'s jobs are queued (waiting for their first or next attempt) and
     * not expired at {@code now}: what one tenant holds of the queue.
     *
     * <p>The default counts the whole queue, which is never less: a store written before this
     * method existed still keeps every company within its share, only refusing it sooner than
     * needed. Stores should count the company's own jobs; the contract tests check they do.
     *
     * @param company the company whose jobs are counted
     * @param now     the current time
     * @return the company's share of the queue's depth
     */
    default long countQueued(CompanyId company, Instant now) {
        return countQueued(now);
    }

    /**
     * Extends the lease to {@code now + lease}; false when the claim is no longer current.
     *
     * @param claim the worker's claim
     * @param now   the current time
     * @param lease the new lease's length
     * @return whether the claim is still the job's current one
     */
    boolean renew(JobClaim claim, Instant now, Duration lease);

    /**
     * A writer for the rows of the claimed job's result.
     *
     * @param claim the worker's claim
     * @return a writer to close once the job is completed or abandoned
     */
    JobResultWriter resultWriter(JobClaim claim);

    /**
     * Marks the job completed with the rows written to {@code rows}; false when the claim is no longer current.
     *
     * @param claim   the worker's claim
     * @param rows    the writer that received the result
     * @param summary the result's columns, row count and truncation
     * @param now     the completion time
     * @return whether the job was completed (false: another worker holds it, nothing changed)
     */
    boolean complete(JobClaim claim, JobResultWriter rows, ResultSummary summary, Instant now);

    /**
     * Marks the job failed with a consumer-safe message; false when the claim is no longer current.
     *
     * @param claim the worker's claim
     * @param error the message shown to the consumer (no SQL, no driver text)
     * @param now   the failure time
     * @return whether the job was failed (false: another worker holds it, nothing changed)
     */
    boolean fail(JobClaim claim, String error, Instant now);

    /**
     * Gives the job back to the queue without counting the attempt (graceful shutdown); false when not current.
     *
     * @param claim the worker's claim
     * @return whether the job was queued again
     */
    boolean release(JobClaim claim);

    /**
     * Streams a completed job's stored rows, in order, into {@code sink} (columns first).
     *
     * @param id   a completed job's id
     * @param sink receives the columns, then the rows, on the calling thread
     */
    void readResult(JobId id, ResultSink sink);

    /**
     * Atomically claims the oldest due webhook delivery: a job that has ended (completed or failed,
     * including by running out of attempts), whose callback is pending and due at {@code now}, and
     * that no other sender holds, for a lease until {@code now + lease}. Empty when nothing is due.
     * A delivery is never lost: it stays claimable until an attempt's outcome is recorded.
     *
     * @param now   the current time
     * @param lease how long the claim on this attempt holds
     * @return the claimed delivery, or empty
     */
    Optional<ClaimedDelivery> claimDelivery(Instant now, Duration lease);

    /**
     * Records the outcome of the claimed attempt as the job's new callback state (see
     * {@link dev.dataapi.ports.Job#withCallback}, which also keeps the job until an hour after a late
     * retry) and ends the claim; false when the claim is no longer current.
     *
     * @param claim the sender's claim
     * @param next  the delivery's state after the attempt
     * @return whether the outcome was recorded
     */
    boolean recordDelivery(DeliveryClaim claim, dev.dataapi.ports.CallbackState next);
}
