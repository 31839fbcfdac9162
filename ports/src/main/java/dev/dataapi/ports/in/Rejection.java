package dev.dataapi.ports.in;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request that was not served, with everything the consumer may be told about why.
 *
 * @param code       why
 * @param detail     a sentence for a person; never SQL, driver text or internal names
 * @param problems   every parameter problem found (for {@code INVALID_PARAMETER} and
 *                   {@code SHARE_CONTEXT_VIOLATION}), empty otherwise
 * @param retryAfter when retrying makes sense, after how long
 */
public record Rejection(RejectionCode code, String detail, List<ParameterProblem> problems, Optional<Duration> retryAfter) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param code       why
     * @param detail     a sentence for a person; never SQL, driver text or internal names
     * @param problems   every parameter problem found (for {@code INVALID_PARAMETER} and {@code SHARE_CONTEXT_VIOLATION}), empty otherwise
     * @param retryAfter when retrying makes sense, after how long
     */
    public Rejection {
        Objects.requireNonNull(code, "'code' is required");
        Objects.requireNonNull(detail, "'detail' is required");
        problems = List.copyOf(Objects.requireNonNullElse(problems, List.of()));
        retryAfter = Objects.requireNonNullElse(retryAfter, Optional.empty());
    }

    /**
     * A rejection without parameter problems.
     *
     * @param code   why
     * @param detail a sentence for a person
     * @return the rejection, without a retry hint
     */
    public static Rejection of(RejectionCode code, String detail) {
        return new Rejection(code, detail, List.of(), Optional.empty());
    }

    /**
     * A rejection listing parameter problems.
     *
     * @param code     why ({@code INVALID_PARAMETER} or {@code SHARE_CONTEXT_VIOLATION})
     * @param detail   a sentence for a person
     * @param problems every problem found
     * @return the rejection, without a retry hint
     */
    public static Rejection withProblems(RejectionCode code, String detail, List<ParameterProblem> problems) {
        return new Rejection(code, detail, problems, Optional.empty());
    }
}
