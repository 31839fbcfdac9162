package dev.dataapi.ports;

/**
 * A result column.
 *
 * @param name the column's label in the result
 * @param type the database's type name, e.g. {@code varchar}, {@code int4}, {@code timestamptz}
 */
public record Column(String name, String type) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param name the column's label in the result
     * @param type the database's type name, e.g. {@code varchar}, {@code int4}, {@code timestamptz}
     */
    public Column {
        java.util.Objects.requireNonNull(name, "'name' is required");
        java.util.Objects.requireNonNull(type, "'type' is required");
    }
}
