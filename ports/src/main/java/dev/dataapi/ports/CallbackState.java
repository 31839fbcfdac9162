package dev.dataapi.ports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The delivery state of a job's webhook. A pending delivery becomes due when the job ends, then at
 * {@code nextAttemptAt} after each failed attempt.
 *
 * @param status         pending, delivered or failed
 * @param attempts       attempts made so far
 * @param lastStatusCode the HTTP status of the last attempt, when the receiver answered
 * @param nextAttemptAt  when a pending delivery is tried next; empty = as soon as the job has ended
 */
public record CallbackState(CallbackStatus status, int attempts, Optional<Integer> lastStatusCode,
                            Optional<Instant> nextAttemptAt) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param status         pending, delivered or failed
     * @param attempts       attempts made so far
     * @param lastStatusCode the HTTP status of the last attempt, when the receiver answered
     * @param nextAttemptAt  when a pending delivery is tried next; empty = as soon as the job has ended
     */
    public CallbackState {
        Objects.requireNonNull(status, "'status' is required");
        if (attempts < 0) {
            throw new IllegalArgumentException("'attempts' must not be negative");
        }
        lastStatusCode = Objects.requireNonNullElse(lastStatusCode, Optional.empty());
        nextAttemptAt = Objects.requireNonNullElse(nextAttemptAt, Optional.empty());
        if (status != CallbackStatus.PENDING && nextAttemptAt.isPresent()) {
            throw new IllegalArgumentException("only a pending delivery has a next attempt");
        }
    }

    /**
     * A delivery nobody has tried yet.
     *
     * @return a pending state without attempts
     */
    public static CallbackState pending() {
        return new CallbackState(CallbackStatus.PENDING, 0, Optional.empty(), Optional.empty());
    }

    /**
     * The attempt got a 2xx.
     *
     * @param statusCode the receiver's status
     * @return the terminal delivered state
     */
    public CallbackState delivered(int statusCode) {
        return new CallbackState(CallbackStatus.DELIVERED, attempts + 1, Optional.of(statusCode), Optional.empty());
    }

    /**
     * The attempt failed and another one is due at {@code next}.
     *
     * @param statusCode the receiver's status, when it answered
     * @param next       when to try again
     * @return the pending state with one more attempt
     */
    public CallbackState retryAt(Optional<Integer> statusCode, Instant next) {
        return new CallbackState(CallbackStatus.PENDING, attempts + 1, statusCode, Optional.of(next));
    }

    /**
     * The attempt failed and no other one will be made.
     *
     * @param statusCode the receiver's status, when it answered
     * @return the terminal failed state
     */
    public CallbackState givenUp(Optional<Integer> statusCode) {
        return new CallbackState(CallbackStatus.FAILED, attempts + 1, statusCode, Optional.empty());
    }
}
