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
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param element the scalar type (of each element, for a list)
     * @param list    whether the parameter takes a list
     */
    public ParameterType {
        Objects.requireNonNull(element, "'element' is required");
    }

    /**
     * A scalar parameter type.
     *
     * @param element the type of the value
     * @return e.g. {@code integer}
     */
    public static ParameterType scalar(ScalarType element) {
        return new ParameterType(element, false);
    }

    /**
     * A list parameter type.
     *
     * @param element the type of each element
     * @return e.g. {@code integer[]}
     */
    public static ParameterType listOf(ScalarType element) {
        return new ParameterType(element, true);
    }

    /**
     * Parses {@code integer} or {@code integer[]}; throws naming the accepted values otherwise.
     *
     * @param value the catalog's spelling
     * @return the type
     * @throws IllegalArgumentException when {@code value} names no type
     */
    public static ParameterType fromWire(String value) {
        if (value != null && value.endsWith("[]")) {
            return listOf(ScalarType.fromWire(value.substring(0, value.length() - 2)));
        }
        return scalar(ScalarType.fromWire(value));
    }

    /**
     * The catalog spelling.
     *
     * @return {@code integer} or {@code integer[]}
     */
    public String wireName() {
        return element.wireName() + (list ? "[]" : "");
    }

    /**
     * What a valid value looks like, for error messages.
     *
     * @return a phrase such as "a JSON array whose every element is an integer (…)"
     */
    public String expectation() {
        return list ? "a JSON array whose every element is " + element.expectation() : element.expectation();
    }

    @Override
    public String toString() {
        return wireName();
    }
}
