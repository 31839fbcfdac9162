package dev.dataapi.ports.in;

import java.util.Objects;

/**
 * One thing wrong with one parameter value.
 *
 * @param parameter the parameter's name (or the body field's, such as {@code callback_url})
 * @param code      a stable upper-case code, e.g. {@code INVALID_TYPE}, {@code REQUIRED}
 * @param message   a sentence for a person, naming the parameter and what was expected
 */
public record ParameterProblem(String parameter, String code, String message) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param parameter the parameter's name (or the body field's, such as {@code callback_url})
     * @param code      a stable upper-case code, e.g. {@code INVALID_TYPE}, {@code REQUIRED}
     * @param message   a sentence for a person, naming the parameter and what was expected
     */
    public ParameterProblem {
        Objects.requireNonNull(parameter, "'parameter' is required");
        Objects.requireNonNull(code, "'code' is required");
        Objects.requireNonNull(message, "'message' is required");
    }
}
