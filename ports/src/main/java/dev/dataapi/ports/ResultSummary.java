package dev.dataapi.ports;

import java.util.List;
import java.util.Objects;

/**
 * What is known of a stored result without reading its rows.
 *
 * @param columns   the result's columns
 * @param rowCount  rows stored
 * @param truncated true exactly when the query had more rows than the endpoint's limit
 */
public record ResultSummary(List<Column> columns, int rowCount, boolean truncated) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param columns   the result's columns
     * @param rowCount  rows stored
     * @param truncated true exactly when the query had more rows than the endpoint's limit
     */
    public ResultSummary {
        columns = List.copyOf(Objects.requireNonNull(columns, "'columns' is required"));
        if (rowCount < 0) {
            throw new IllegalArgumentException("'rowCount' must not be negative");
        }
    }
}
