package dev.dataapi.sql;

import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.BoundParameter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds typed parameter values to the {@code ?} of compiled SQL. Every value, null included, is
 * bound with the SQL type of its declared type, so {@code :p IS NULL} and {@code = ANY(:list)}
 * work without casts in the endpoint's SQL.
 */
final class ParameterBinder {

    private ParameterBinder() {
    }

    /**
     * The parameter behind each placeholder, in placeholder order.
     *
     * @throws IllegalArgumentException when a placeholder has no bound parameter: the caller must
     *                                  bind every parameter the SQL names
     */
    static List<BoundParameter> inPlaceholderOrder(CompiledSql sql, List<BoundParameter> parameters) {
        Map<String, BoundParameter> byName = new HashMap<>();
        for (BoundParameter parameter : parameters) {
            byName.put(parameter.name(), parameter);
        }
        List<BoundParameter> ordered = new ArrayList<>(sql.placeholders().size());
        for (String name : sql.placeholders()) {
            BoundParameter parameter = byName.get(name);
            if (parameter == null) {
                throw new IllegalArgumentException("the SQL uses ':" + name + "' but no value was bound for it");
            }
            ordered.add(parameter);
        }
        return ordered;
    }

    /** Binds {@code parameters} to positions 1..n of {@code statement}. */
    static void bind(Connection connection, PreparedStatement statement, List<BoundParameter> parameters)
            throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            BoundParameter parameter = parameters.get(i);
            int index = i + 1;
            ParameterType type = parameter.type();
            Object value = parameter.value();
            if (value == null && type.list()) {
                statement.setNull(index, Types.ARRAY, "_" + postgresType(type.element()));
            } else if (value == null) {
                statement.setNull(index, jdbcType(type.element()), postgresType(type.element()));
            } else if (type.list()) {
                statement.setArray(index, connection.createArrayOf(postgresType(type.element()), elements(parameter)));
            } else {
                bindScalar(statement, index, parameter.name(), type.element(), value);
            }
        }
    }

    private static void bindScalar(PreparedStatement statement, int index, String name, ScalarType type, Object value)
            throws SQLException {
        switch (type) {
            case STRING:
                statement.setString(index, typed(name, type, value, String.class));
                break;
            case INTEGER:
                statement.setLong(index, typed(name, type, value, Long.class));
                break;
            case NUMBER:
                statement.setBigDecimal(index, typed(name, type, value, BigDecimal.class));
                break;
            case BOOLEAN:
                statement.setBoolean(index, typed(name, type, value, Boolean.class));
                break;
            case DATE:
                statement.setObject(index, typed(name, type, value, LocalDate.class));
                break;
            case TIMESTAMP:
                statement.setObject(index, typed(name, type, value, OffsetDateTime.class));
                break;
            default:
                throw new IllegalStateException("unhandled parameter type " + type);
        }
    }

    private static Object[] elements(BoundParameter parameter) {
        if (!(parameter.value() instanceof List)) {
            throw new IllegalArgumentException("parameter ':" + parameter.name() + "' is declared " + parameter.type()
                    + " but its value is not a list");
        }
        List<?> values = (List<?>) parameter.value();
        Object[] elements = new Object[values.size()];
        Class<?> expected = javaType(parameter.type().element());
        for (int i = 0; i < elements.length; i++) {
            Object element = values.get(i);
            if (element != null && !expected.isInstance(element)) {
                throw wrongType(parameter.name(), parameter.type().element(), element);
            }
            elements[i] = element;
        }
        return elements;
    }

    private static <T> T typed(String name, ScalarType type, Object value, Class<T> expected) {
        if (!expected.isInstance(value)) {
            throw wrongType(name, type, value);
        }
        return expected.cast(value);
    }

    private static IllegalArgumentException wrongType(String name, ScalarType type, Object value) {
        return new IllegalArgumentException("parameter ':" + name + "' is declared " + type.wireName() + " and needs a "
                + javaType(type).getSimpleName() + " value, got a " + value.getClass().getSimpleName());
    }

    private static Class<?> javaType(ScalarType type) {
        switch (type) {
            case STRING:
                return String.class;
            case INTEGER:
                return Long.class;
            case NUMBER:
                return BigDecimal.class;
            case BOOLEAN:
                return Boolean.class;
            case DATE:
                return LocalDate.class;
            case TIMESTAMP:
                return OffsetDateTime.class;
            default:
                throw new IllegalStateException("unhandled parameter type " + type);
        }
    }

    private static int jdbcType(ScalarType type) {
        switch (type) {
            case STRING:
                return Types.VARCHAR;
            case INTEGER:
                return Types.BIGINT;
            case NUMBER:
                return Types.NUMERIC;
            case BOOLEAN:
                return Types.BOOLEAN;
            case DATE:
                return Types.DATE;
            case TIMESTAMP:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            default:
                throw new IllegalStateException("unhandled parameter type " + type);
        }
    }

    /** The PostgreSQL type a value binds as; pgjdbc needs the name to type a null timestamp. */
    private static String postgresType(ScalarType type) {
        switch (type) {
            case STRING:
                return "text";
            case INTEGER:
                return "int8";
            case NUMBER:
                return "numeric";
            case BOOLEAN:
                return "bool";
            case DATE:
                return "date";
            case TIMESTAMP:
                return "timestamptz";
            default:
                throw new IllegalStateException("unhandled parameter type " + type);
        }
    }
}
