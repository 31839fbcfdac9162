package dev.dataapi.core;

import dev.dataapi.ports.in.ParameterProblem;
import java.util.List;
import java.util.Map;

/**
 * What a key's share context decided for one request.
 *
 * @param pinned     typed values the pins supply for parameters the caller omitted
 * @param violations every parameter whose value the share context refuses
 */
record PinOutcome(Map<String, Object> pinned, List<ParameterProblem> violations) {
    PinOutcome {
        pinned = Map.copyOf(pinned);
        violations = List.copyOf(violations);
    }

    boolean allowed() {
        return violations.isEmpty();
    }
}
