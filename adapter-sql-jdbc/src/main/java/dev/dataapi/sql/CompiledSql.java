package dev.dataapi.sql;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Endpoint SQL compiled for JDBC: every {@code :name} placeholder replaced by {@code ?}.
 *
 * @param jdbcSql      the SQL to prepare; a literal {@code ?} operator of the original is doubled,
 *                     as the driver expects
 * @param placeholders the parameter name behind each {@code ?}, in order; a name used twice appears twice
 */
public record CompiledSql(String jdbcSql, List<String> placeholders) {
    public CompiledSql {
        Objects.requireNonNull(jdbcSql, "'jdbcSql' is required");
        placeholders = List.copyOf(Objects.requireNonNull(placeholders, "'placeholders' is required"));
    }

    /** The distinct parameter names the SQL uses, in order of first use. */
    public Set<String> parameterNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(placeholders));
    }
}
