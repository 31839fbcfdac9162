package dev.dataapi.sql;

import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.QueryRequest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Small helpers shared by the executor tests. */
final class Queries {

    private Queries() {
    }

    static QueryRequest request(String sql, BoundParameter... parameters) {
        return request(sql, 10_000, Duration.ofSeconds(10), parameters);
    }

    static QueryRequest request(String sql, int maxRows, Duration timeout, BoundParameter... parameters) {
        return new QueryRequest(sql, List.of(parameters), maxRows, timeout, "req-" + UUID.randomUUID());
    }

    static BoundParameter scalar(String name, ScalarType type, Object value) {
        return new BoundParameter(name, ParameterType.scalar(type), value);
    }

    static BoundParameter list(String name, ScalarType type, Object value) {
        return new BoundParameter(name, ParameterType.listOf(type), value);
    }

    /** A table name no other test uses. */
    static String uniqueTable() {
        return "t_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Runs DDL or DML with a writable connection of the shared pool, committing it. */
    static void admin(String sql) {
        try (Connection connection = EmbeddedPostgresSupport.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed: " + sql, e);
        }
    }
}
