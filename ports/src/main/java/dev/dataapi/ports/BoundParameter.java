package dev.dataapi.ports;

import java.util.Objects;

/**
 * A parameter value ready to bind: validated, typed, share context applied.
 *
 * @param name  the name used as {@code :name} in the SQL
 * @param type  the declared type (decides the SQL type of a null or of an array)
 * @param value the typed value (see {@link dev.dataapi.ports.ScalarType}), a list of them, or null
 */
public record BoundParameter(String name, ParameterType type, Object value) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param name  the name used as {@code :name} in the SQL
     * @param type  the declared type (decides the SQL type of a null or of an array)
     * @param value the typed value (see {@link dev.dataapi.ports.ScalarType}), a list of them, or null
     */
    public BoundParameter {
        Objects.requireNonNull(name, "'name' is required");
        Objects.requireNonNull(type, "'type' is required");
    }
}
