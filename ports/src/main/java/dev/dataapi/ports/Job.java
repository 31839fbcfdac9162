package dev.dataapi.ports;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One async execution of an endpoint: who asked, under which share context, exactly what to run,
 * and how it ended. Immutable; each state change returns a new {@code Job} and refuses moves the
 * life cycle does not allow ({@code QUEUED -> RUNNING -> COMPLETED | FAILED}, a lost or released
 * {@code RUNNING} job may be claimed again, and a queued job may fail without running).
 *
 * @param id           the job's id
 * @param company      the company of the key that submitted it
 * @param endpoint     the endpoint it runs
 * @param apiKeyId     the key that submitted it (for audit; never the token)
 * @param shareContext the share context it ran under; only keys with the same one may read it
 * @param query        what to run, parameters already validated and bound at submission
 * @param callbackUrl  where to deliver the result, when given
 * @param state        where it is in its life
 * @param attempts     how many times a worker has started it
 * @param createdAt    when it was submitted
 * @param completedAt  when it reached a terminal state
 * @param error        the consumer-safe failure message, for a failed job
 * @param result       the stored result's summary, for a completed job
 * @param expiresAt    after this instant the job no longer exists for anyone
 * @param callback     the webhook delivery's state, exactly when a callback URL was given
 */
public record Job(JobId id, CompanyId company, EndpointRef endpoint, String apiKeyId, ShareContext shareContext,
                  QueryRequest query, Optional<String> callbackUrl, JobState state, int attempts, Instant createdAt,
                  Optional<Instant> completedAt, Optional<String> error, Optional<ResultSummary> result, Instant expiresAt,
                  Optional<CallbackState> callback) {

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param id           the job's id
     * @param company      the company of the key that submitted it
     * @param endpoint     the endpoint it runs
     * @param apiKeyId     the key that submitted it (for audit; never the token)
     * @param shareContext the share context it ran under; only keys with the same one may read it
     * @param query        what to run, parameters already validated and bound at submission
     * @param callbackUrl  where to deliver the result, when given
     * @param state        where it is in its life
     * @param attempts     how many times a worker has started it
     * @param createdAt    when it was submitted
     * @param completedAt  when it reached a terminal state
     * @param error        the consumer-safe failure message, for a failed job
     * @param result       the stored result's summary, for a completed job
     * @param expiresAt    after this instant the job no longer exists for anyone
     * @param callback     the webhook delivery's state, exactly when a callback URL was given
     */
    public Job {
        Objects.requireNonNull(id, "'id' is required");
        Objects.requireNonNull(company, "'company' is required");
        Objects.requireNonNull(endpoint, "'endpoint' is required");
        Names.requireText("apiKeyId", apiKeyId);
        shareContext = Objects.requireNonNullElse(shareContext, ShareContext.none());
        Objects.requireNonNull(query, "'query' is required");
        callbackUrl = Objects.requireNonNullElse(callbackUrl, Optional.empty());
        Objects.requireNonNull(state, "'state' is required");
        if (attempts < 0) {
            throw new IllegalArgumentException("'attempts' must not be negative");
        }
        Objects.requireNonNull(createdAt, "'createdAt' is required");
        completedAt = Objects.requireNonNullElse(completedAt, Optional.empty());
        error = Objects.requireNonNullElse(error, Optional.empty());
        result = Objects.requireNonNullElse(result, Optional.empty());
        Objects.requireNonNull(expiresAt, "'expiresAt' is required");
        callback = Objects.requireNonNullElse(callback, Optional.empty());
        if (callback.isPresent() != callbackUrl.isPresent()) {
            throw new IllegalArgumentException("job " + id + ": 'callback' is set exactly when 'callbackUrl' is");
        }
        if (state.isTerminal() != completedAt.isPresent()) {
            throw new IllegalArgumentException("job " + id + ": 'completedAt' is set exactly for completed and failed jobs");
        }
        if ((state == JobState.COMPLETED) != result.isPresent()) {
            throw new IllegalArgumentException("job " + id + ": 'result' is set exactly for completed jobs");
        }
        if ((state == JobState.FAILED) != error.isPresent()) {
            throw new IllegalArgumentException("job " + id + ": 'error' is set exactly for failed jobs");
        }
    }

    /**
     * A new job, queued, that exists until {@code now + retention}.
     *
     * @param id           the new job's id
     * @param company      the company of the submitting key
     * @param endpoint     the endpoint it runs
     * @param apiKeyId     the submitting key (never the token)
     * @param shareContext the key's share context, which readers must match
     * @param query        what to run, validated and bound
     * @param callbackUrl  where to deliver the outcome, when given (its delivery starts pending)
     * @param now          the submission time
     * @param retention    how long the job stays readable
     * @return the queued job
     */
    public static Job submit(JobId id, CompanyId company, EndpointRef endpoint, String apiKeyId, ShareContext shareContext,
                             QueryRequest query, Optional<String> callbackUrl, Instant now, Duration retention) {
        Optional<String> url = Objects.requireNonNullElse(callbackUrl, Optional.empty());
        return new Job(id, company, endpoint, apiKeyId, shareContext, query, url, JobState.QUEUED, 0, now,
                Optional.empty(), Optional.empty(), Optional.empty(), now.plus(retention),
                url.map(given -> CallbackState.pending()));
    }

    /**
     * A worker starts it: from queued, or again from running when the previous worker's lease ran out.
     *
     * @return the running job, with one more attempt
     * @throws IllegalStateException when the job has ended
     */
    public Job start() {
        requireState("start", JobState.QUEUED, JobState.RUNNING);
        return with(JobState.RUNNING, attempts + 1, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A worker gives it back unfinished (shutting down): queued again, and this attempt does not count.
     *
     * @return the queued job
     * @throws IllegalStateException when the job is not running
     */
    public Job release() {
        requireState("release", JobState.RUNNING);
        return with(JobState.QUEUED, Math.max(0, attempts - 1), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * It finished with a stored result.
     *
     * @param summary the stored result's columns, row count and truncation
     * @param now     the completion time
     * @return the completed job
     * @throws IllegalStateException when the job is not running
     */
    public Job complete(ResultSummary summary, Instant now) {
        requireState("complete", JobState.RUNNING);
        return with(JobState.COMPLETED, attempts, Optional.of(now), Optional.empty(),
                Optional.of(Objects.requireNonNull(summary, "'summary' is required")));
    }

    /**
     * It failed; {@code message} is shown to the consumer, so it must hold no SQL or driver text.
     *
     * @param message the consumer-safe error
     * @param now     the failure time
     * @return the failed job
     * @throws IllegalStateException when the job has already ended
     */
    public Job fail(String message, Instant now) {
        requireState("fail", JobState.QUEUED, JobState.RUNNING);
        return with(JobState.FAILED, attempts, Optional.of(now), Optional.of(Names.requireText("error", message)),
                Optional.empty());
    }

    /**
     * How long a job outlives its next delivery attempt, so that a receiver that was down for longer
     * than the retention period still gets its webhook, and can still read the job when it arrives.
     */
    public static final Duration KEPT_AFTER_NEXT_DELIVERY = Duration.ofHours(1);

    /**
     * The outcome's webhook delivery moved on (an attempt was made); only for an ended job with a
     * callback. A retry scheduled late keeps the job until {@link #KEPT_AFTER_NEXT_DELIVERY} after it.
     *
     * @param next the delivery's state after the attempt
     * @return the job with that state
     * @throws IllegalStateException when the job has not ended, has no callback, or its delivery has ended
     */
    public Job withCallback(CallbackState next) {
        if (!state.isTerminal() || callback.isEmpty()) {
            throw new IllegalStateException("cannot record a webhook delivery for job " + id + " in state " + state
                    + (callback.isEmpty() ? " without a callback" : ""));
        }
        if (callback.get().status() != CallbackStatus.PENDING) {
            throw new IllegalStateException("the webhook delivery of job " + id + " has already ended");
        }
        Objects.requireNonNull(next, "'next' is required");
        Instant keptUntil = next.nextAttemptAt().map(at -> at.plus(KEPT_AFTER_NEXT_DELIVERY))
                .filter(expiresAt::isBefore).orElse(expiresAt);
        return new Job(id, company, endpoint, apiKeyId, shareContext, query, callbackUrl, state, attempts, createdAt,
                completedAt, error, result, keptUntil, Optional.of(next));
    }

    /**
     * True when the outcome's webhook is due at {@code now}: the job ended and its delivery is pending and due.
     *
     * @param now the current time
     * @return whether a sender should attempt the delivery now
     */
    public boolean callbackDueAt(Instant now) {
        return state.isTerminal() && callback.isPresent() && callback.get().status() == CallbackStatus.PENDING
                && callback.get().nextAttemptAt().map(next -> !now.isBefore(next)).orElse(true);
    }

    /**
     * True once the retention period is over: the job then reads as absent.
     *
     * @param now the current time
     * @return whether the job is gone for everyone
     */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    private Job with(JobState newState, int newAttempts, Optional<Instant> newCompletedAt, Optional<String> newError,
                     Optional<ResultSummary> newResult) {
        return new Job(id, company, endpoint, apiKeyId, shareContext, query, callbackUrl, newState, newAttempts, createdAt,
                newCompletedAt, newError, newResult, expiresAt, callback);
    }

    private void requireState(String action, JobState... allowed) {
        for (JobState candidate : allowed) {
            if (state == candidate) {
                return;
            }
        }
        throw new IllegalStateException("cannot " + action + " job " + id + " in state " + state);
    }
}
