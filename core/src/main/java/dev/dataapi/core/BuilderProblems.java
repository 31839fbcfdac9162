package dev.dataapi.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything wrong with a {@link DataApiBuilder}'s inputs, gathered so that one failed build names
 * every piece to fix instead of the first one.
 */
final class BuilderProblems {
    private final List<String> problems = new ArrayList<>();

    void add(String problem) {
        problems.add(problem);
    }

    /** Records that the {@code piece} must be given when {@code value} is null. */
    void requireGiven(String piece, Object value) {
        if (value == null) {
            problems.add("the " + piece + " must be given");
        }
    }

    /** Records that the {@code piece} is missing or shorter than the millisecond its scheduler counts in. */
    void requireInterval(String piece, Duration value) {
        if (value == null) {
            problems.add("the " + piece + " must be given");
        } else if (value.toMillis() < 1) {
            problems.add("the " + piece + " must be at least 1 ms, got " + value);
        }
    }

    /** @throws IllegalStateException listing every problem, when there is any */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the DataApi cannot be built: " + String.join("; ", problems));
        }
    }
}
