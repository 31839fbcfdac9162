package dev.dataapi.ports;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One execution of an endpoint's SQL.
 *
 * @param sql        SQL text with named parameters ({@code :name})
 * @param parameters a value for every parameter the SQL names
 * @param maxRows    deliver at most this many rows; report whether more existed
 * @param timeout    cancel the query on the database once this has passed
 * @param requestId  correlates the execution with the request in logs
 */
public record QueryRequest(String sql, List<BoundParameter> parameters, int maxRows, Duration timeout, String requestId) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param sql        SQL text with named parameters ({@code :name})
     * @param parameters a value for every parameter the SQL names
     * @param maxRows    deliver at most this many rows; report whether more existed
     * @param timeout    cancel the query on the database once this has passed
     * @param requestId  correlates the execution with the request in logs
     */
    public QueryRequest {
        Objects.requireNonNull(sql, "'sql' is required");
        parameters = List.copyOf(parameters);
        if (maxRows < 1) {
            throw new IllegalArgumentException("'maxRows' must be positive");
        }
        Objects.requireNonNull(timeout, "'timeout' is required");
        Objects.requireNonNull(requestId, "'requestId' is required");
    }
}
