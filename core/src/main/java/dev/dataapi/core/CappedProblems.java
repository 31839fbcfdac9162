package dev.dataapi.core;

import dev.dataapi.ports.in.ParameterProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The problems found in one request, counted in full but listed only up to a limit. A body of
 * 100,000 wrong names must not earn a reply many times its size: the caller reads the first
 * problems and how many there are. Messages past the limit are never built, so a huge input costs
 * a count, not a string per problem.
 */
final class CappedProblems {
    /** The most problems a consumer is sent, the summary entry included. */
    static final int MOST_LISTED = 50;
    static final String TOO_MANY_PROBLEMS = "TOO_MANY_PROBLEMS";
    /** The parameter a summary entry names: it stands for all of them. */
    static final String EVERY_PARAMETER = "*";

    private final int mostListed;
    private final List<ParameterProblem> listed = new ArrayList<>();
    private int count;

    private CappedProblems(int mostListed) {
        if (mostListed < 2) {
            throw new IllegalArgumentException("'mostListed' must leave room for a problem and the summary, got " + mostListed);
        }
        this.mostListed = mostListed;
    }

    /** Problems for a consumer: at most {@value #MOST_LISTED} listed. */
    static CappedProblems forConsumer() {
        return new CappedProblems(MOST_LISTED);
    }

    /** Every problem listed, for checks whose input is bounded (a catalog's defaults and pins). */
    static CappedProblems unlimited() {
        return new CappedProblems(Integer.MAX_VALUE);
    }

    /** Counts a problem; builds its message only when it will be listed. */
    void add(String parameter, String code, Supplier<String> message) {
        count++;
        if (listed.size() < mostListed) {
            listed.add(new ParameterProblem(parameter, code, message.get()));
        }
    }

    /** Every problem found, listed or not. */
    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /**
     * The problems to show: all of them when they fit, otherwise the first ones and a last entry
     * on parameter {@value #EVERY_PARAMETER} with code {@value #TOO_MANY_PROBLEMS} saying how many more there are.
     */
    List<ParameterProblem> listed() {
        if (count <= mostListed) {
            return List.copyOf(listed);
        }
        int shown = mostListed - 1;
        List<ParameterProblem> problems = new ArrayList<>(listed.subList(0, shown));
        problems.add(new ParameterProblem(EVERY_PARAMETER, TOO_MANY_PROBLEMS, "… and " + (count - shown)
                + " more problems (only the first " + shown + " are listed)"));
        return List.copyOf(problems);
    }
}
