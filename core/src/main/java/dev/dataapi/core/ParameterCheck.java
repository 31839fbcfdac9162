package dev.dataapi.core;

import dev.dataapi.ports.in.ParameterProblem;
import java.util.List;
import java.util.Map;

/**
 * What the caller's parameter values came to before share context is applied.
 *
 * @param supplied     typed values the caller gave, by parameter name (omitted and null values are absent)
 * @param problems     what is wrong with them, in the order found, at most {@value CappedProblems#MOST_LISTED}
 * @param problemCount how many problems there are in all, listed or not
 */
record ParameterCheck(Map<String, Object> supplied, List<ParameterProblem> problems, int problemCount) {
    ParameterCheck {
        supplied = Map.copyOf(supplied);
        problems = List.copyOf(problems);
    }

    boolean valid() {
        return problemCount == 0;
    }
}
