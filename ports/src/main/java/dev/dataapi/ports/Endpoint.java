package dev.dataapi.ports;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A saved, parameterized SQL query that a company exposes at
 * {@code /api/v1/data-api/{namespace}/{slug}}.
 *
 * @param company             owner
 * @param ref                 namespace and slug
 * @param active              an inactive endpoint answers exactly like a missing one
 * @param mode                answer with the result, or with a job
 * @param sql                 SQL text with named parameters ({@code :name})
 * @param parameters          the declared parameters, in declaration order
 * @param maxRows             at most this many rows are returned (1..10000); more sets {@code truncated}
 * @param timeout             how long one execution may run (at most 60 s for sync endpoints)
 * @param requireShareContext parameters a key must pin to run this endpoint
 */
public record Endpoint(CompanyId company, EndpointRef ref, boolean active, ExecutionMode mode, String sql,
                       List<ParameterSpec> parameters, int maxRows, Duration timeout, List<String> requireShareContext) {

    /** The most rows any endpoint returns. */
    public static final int MAX_ROWS_LIMIT = 10_000;
    /** The longest a synchronous execution may run. */
    public static final Duration SYNC_TIMEOUT_LIMIT = Duration.ofSeconds(60);
    /** Default timeout of a synchronous endpoint. */
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofSeconds(60);
    /** Default timeout of an asynchronous endpoint. */
    public static final Duration DEFAULT_ASYNC_TIMEOUT = Duration.ofSeconds(900);

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param company             owner
     * @param ref                 namespace and slug
     * @param active              an inactive endpoint answers exactly like a missing one
     * @param mode                answer with the result, or with a job
     * @param sql                 SQL text with named parameters ({@code :name})
     * @param parameters          the declared parameters, in declaration order
     * @param maxRows             at most this many rows are returned (1..10000); more sets {@code truncated}
     * @param timeout             how long one execution may run (at most 60 s for sync endpoints)
     * @param requireShareContext parameters a key must pin to run this endpoint
     */
    public Endpoint {
        Objects.requireNonNull(company, "'company' is required");
        Objects.requireNonNull(ref, "'namespace' and 'slug' are required");
        Objects.requireNonNull(mode, "'mode' is required");
        Names.requireText("sql", sql);
        parameters = List.copyOf(Objects.requireNonNullElse(parameters, List.of()));
        Set<String> names = new HashSet<>();
        for (ParameterSpec parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalArgumentException("'parameters': '" + parameter.name() + "' is declared twice");
            }
        }
        if (maxRows < 1 || maxRows > MAX_ROWS_LIMIT) {
            throw new IllegalArgumentException("'max_rows' must be between 1 and " + MAX_ROWS_LIMIT + ", got " + maxRows);
        }
        Objects.requireNonNull(timeout, "'timeout_seconds' is required");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("'timeout_seconds' must be positive");
        }
        if (mode == ExecutionMode.SYNC && timeout.compareTo(SYNC_TIMEOUT_LIMIT) > 0) {
            throw new IllegalArgumentException("'timeout_seconds' of a sync endpoint must be at most "
                    + SYNC_TIMEOUT_LIMIT.toSeconds() + ", got " + timeout.toSeconds());
        }
        requireShareContext = List.copyOf(Objects.requireNonNullElse(requireShareContext, List.of()));
        for (String required : requireShareContext) {
            if (!names.contains(required)) {
                throw new IllegalArgumentException("'require_share_context': '" + required + "' is not a declared parameter");
            }
        }
    }

    /**
     * The declared parameter of that name, when there is one.
     *
     * @param name a parameter name
     * @return its declaration, or empty when the endpoint declares no such parameter
     */
    public Optional<ParameterSpec> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
