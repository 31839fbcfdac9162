package dev.dataapi.ports;

import java.util.Objects;

/**
 * A parameter's type: a scalar type, or a list of one ({@code string[]}). List parameters take a
 * JSON array and bind as a SQL array, so SQL uses them as {@code = ANY(:regions)}.
 *
 * @param element the scalar type (of each element, for a list)
 * @param list    whether the parameter takes a list
 */
public record ParameterType(ScalarType element, boolean list) {
    public ParameterType {
        Objects.requireNonNull(element, "'element' is required");
    }

    /** A scalar parameter type. */
    public static ParameterType scalar(ScalarType element) {
        return new ParameterType(element, false);
    }

    /** A list parameter type. */
    public static ParameterType listOf(ScalarType element) {
        return new ParameterType(element, true);
    }

    /** Parses {@code integer} or {@code integer[]}; throws naming the accepted values otherwise. */
    public static ParameterType fromWire(String value) {
        if (value != null && value.endsWith("[]")) {
            return listOf(ScalarType.fromWire(value.substring(0, value.length() - 2)));
        }
        return scalar(ScalarType.fromWire(value));
    }

    /** The catalog spelling: {@code integer} or {@code integer[]}. */
    public String wireName() {
        return element.wireName() + (list ? "[]" : "");
    }

    /** What a valid value looks like, for error messages. */
    public String expectation() {
        return list ? "a JSON array whose every element is " + element.expectation() : element.expectation();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
