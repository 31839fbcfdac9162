package dev.dataapi.http;

import dev.dataapi.ports.in.ParameterProblem;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One error answer before it is written: RFC 9457 problem details plus the headers that go with it.
 *
 * @param status     the HTTP status
 * @param code       the stable upper-case code, e.g. {@code ENDPOINT_NOT_FOUND}
 * @param title      a short fixed text for the code
 * @param detail     a sentence for a person about this occurrence
 * @param errors     parameter problems, written only for 422
 * @param retryAfter sent as {@code Retry-After} when present
 * @param allow      sent as {@code Allow} when present (405)
 */
record Problem(int status, String code, String title, String detail, List<ParameterProblem> errors,
               Optional<Duration> retryAfter, Optional<String> allow) {

    static final int UNPROCESSABLE = 422;

    Problem {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("'status' must be an error status (400-599), got " + status);
        }
        Objects.requireNonNull(code, "'code' is required");
        Objects.requireNonNull(title, "'title' is required");
        Objects.requireNonNull(detail, "'detail' is required");
        errors = List.copyOf(Objects.requireNonNullElse(errors, List.of()));
        retryAfter = Objects.requireNonNullElse(retryAfter, Optional.empty());
        allow = Objects.requireNonNullElse(allow, Optional.empty());
    }

    Problem(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), Optional.empty(), Optional.empty());
    }

    /** {@code /problems/endpoint-not-found} for {@code ENDPOINT_NOT_FOUND}. */
    String type() {
        return "/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whole seconds, rounded up so a client never retries too early; at least 1. */
    Optional<String> retryAfterSeconds() {
        return retryAfter.map(wait -> {
            long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
            return Long.toString(Math.max(1, seconds));
        });
    }
}
