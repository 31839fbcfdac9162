package dev.dataapi.sql;

import dev.dataapi.ports.JsonText;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Chooses, per PostgreSQL type name, how a column's values become result values, faithfully:
 * numerics stay exact, times keep their precision and offset, JSON stays JSON, arrays become lists
 * (nested for several dimensions). Values that JSON cannot hold as numbers or dates (NaN,
 * infinities, the time 24:00:00) become PostgreSQL's own spelling as a string.
 */
final class ValueReaders {
    private static final String INFINITY = "infinity";
    private static final String MINUS_INFINITY = "-infinity";

    private ValueReaders() {
    }

    /** The reader for a column whose {@code ResultSetMetaData.getColumnTypeName} is {@code typeName}. */
    static ValueReader forType(String typeName) {
        if (typeName.startsWith("_")) {
            return ValueReaders::array;
        }
        switch (typeName) {
            case "int2":
                return (rs, i) -> nullable(rs, rs.getShort(i));
            case "int4":
                return (rs, i) -> nullable(rs, rs.getInt(i));
            case "int8":
                return (rs, i) -> nullable(rs, rs.getLong(i));
            case "float4":
                return ValueReaders::float4;
            case "float8":
                return ValueReaders::float8;
            case "numeric":
                return ValueReaders::numeric;
            case "bool":
                return (rs, i) -> nullable(rs, rs.getBoolean(i));
            case "date":
                return ValueReaders::date;
            case "time":
                return TimeOfDayReaders::time;
            case "timetz":
                return TimeOfDayReaders::timetz;
            case "timestamp":
                return ValueReaders::timestamp;
            case "timestamptz":
                return ValueReaders::timestamptz;
            case "json":
            case "jsonb":
                return ValueReaders::json;
            case "bytea":
                return ResultSet::getBytes;
            default:
                // uuid, inet, interval, money, enums and the rest read best as the database prints them.
                return ResultSet::getString;
        }
    }

    /** The type name a client sees: {@code int4[]} rather than PostgreSQL's internal {@code _int4}. */
    static String displayName(String typeName) {
        return typeName.startsWith("_") ? typeName.substring(1) + "[]" : typeName;
    }

    private static Object nullable(ResultSet resultSet, Object value) throws SQLException {
        return resultSet.wasNull() ? null : value;
    }

    private static Object float4(ResultSet resultSet, int column) throws SQLException {
        float value = resultSet.getFloat(column);
        if (resultSet.wasNull()) {
            return null;
        }
        return Float.isFinite(value) ? (Object) value : Float.toString(value);
    }

    private static Object float8(ResultSet resultSet, int column) throws SQLException {
        double value = resultSet.getDouble(column);
        if (resultSet.wasNull()) {
            return null;
        }
        return Double.isFinite(value) ? (Object) value : Double.toString(value);
    }

    /** Read from the text form: exact at any precision, and NaN or Infinity do not throw. */
    private static Object numeric(ResultSet resultSet, int column) throws SQLException {
        String text = resultSet.getString(column);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    private static Object date(ResultSet resultSet, int column) throws SQLException {
        LocalDate value = resultSet.getObject(column, LocalDate.class);
        if (LocalDate.MAX.equals(value)) {
            return INFINITY;
        }
        return LocalDate.MIN.equals(value) ? MINUS_INFINITY : value;
    }

    private static Object timestamp(ResultSet resultSet, int column) throws SQLException {
        LocalDateTime value = resultSet.getObject(column, LocalDateTime.class);
        if (LocalDateTime.MAX.equals(value)) {
            return INFINITY;
        }
        return LocalDateTime.MIN.equals(value) ? MINUS_INFINITY : value;
    }

    private static Object timestamptz(ResultSet resultSet, int column) throws SQLException {
        OffsetDateTime value = resultSet.getObject(column, OffsetDateTime.class);
        if (value == null) {
            return null;
        }
        if (OffsetDateTime.MAX.equals(value)) {
            return INFINITY;
        }
        if (OffsetDateTime.MIN.equals(value)) {
            return MINUS_INFINITY;
        }
        return value.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Object json(ResultSet resultSet, int column) throws SQLException {
        String text = resultSet.getString(column);
        return text == null ? null : new JsonText(text);
    }

    /**
     * Walks the array's own result set (index, value), whose value column has the element type, so
     * elements are read exactly like columns; a multi-dimensional array's elements are arrays.
     */
    private static Object array(ResultSet resultSet, int column) throws SQLException {
        Array array = resultSet.getArray(column);
        if (array == null) {
            return null;
        }
        try (ResultSet elements = array.getResultSet()) {
            ValueReader element = forType(elements.getMetaData().getColumnTypeName(2));
            List<Object> values = new ArrayList<>();
            while (elements.next()) {
                values.add(element.read(elements, 2));
            }
            return Collections.unmodifiableList(values);
        } finally {
            array.free();
        }
    }
}
