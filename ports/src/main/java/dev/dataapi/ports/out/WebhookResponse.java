package dev.dataapi.ports.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery attempt got back. Either the receiver answered with a status (redirects are
 * never followed, so a 3xx is reported as such), or the attempt failed before an answer
 * (refused address, connection error, timeout).
 *
 * @param statusCode the HTTP status, when the receiver answered
 * @param retryAfter the receiver's {@code Retry-After}, when it sent a valid one
 * @param failure    why there was no answer, when there was none (safe to log; no secrets)
 */
public record WebhookResponse(Optional<Integer> statusCode, Optional<Duration> retryAfter, Optional<String> failure) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param statusCode the HTTP status, when the receiver answered
     * @param retryAfter the receiver's {@code Retry-After}, when it sent a valid one
     * @param failure    why there was no answer, when there was none (safe to log; no secrets)
     */
    public WebhookResponse {
        statusCode = Objects.requireNonNullElse(statusCode, Optional.empty());
        retryAfter = Objects.requireNonNullElse(retryAfter, Optional.empty());
        failure = Objects.requireNonNullElse(failure, Optional.empty());
        if (statusCode.isPresent() == failure.isPresent()) {
            throw new IllegalArgumentException("a webhook response has either a status code or a failure");
        }
    }

    /**
     * The receiver answered with {@code status}.
     *
     * @param status     the HTTP status
     * @param retryAfter the receiver's {@code Retry-After}, when valid
     * @return the response
     */
    public static WebhookResponse answered(int status, Optional<Duration> retryAfter) {
        return new WebhookResponse(Optional.of(status), retryAfter, Optional.empty());
    }

    /**
     * No answer: {@code reason} says why.
     *
     * @param reason why there was no answer, safe to log
     * @return the response
     */
    public static WebhookResponse noAnswer(String reason) {
        return new WebhookResponse(Optional.empty(), Optional.empty(), Optional.of(reason));
    }
}
