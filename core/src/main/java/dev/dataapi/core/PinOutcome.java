package dev.dataapi.core;

import dev.dataapi.ports.in.ParameterProblem;
import java.util.List;
import java.util.Map;

/**
 * What a key's share context decided for one request.
 *
 * @param pinned         typed values the pins supply for parameters the caller omitted
 * @param violations     the parameters whose value the share context refuses, at most {@value CappedProblems#MOST_LISTED}
 * @param violationCount how many there are in all, listed or not
 */
record PinOutcome(Map<String, Object> pinned, List<ParameterProblem> violations, int violationCount) {
    PinOutcome {
        pinned = Map.copyOf(pinned);
        violations = List.copyOf(violations);
    }

    boolean allowed() {
        return violationCount == 0;
    }
}
