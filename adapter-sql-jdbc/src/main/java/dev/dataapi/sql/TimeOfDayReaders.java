package dev.dataapi.sql;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.postgresql.PGResultSetMetaData;

/**
 * Reads {@code time} and {@code timetz} values. PostgreSQL allows the end of the day,
 * {@code 24:00:00}, which {@link LocalTime} and {@link OffsetTime} cannot hold: pgjdbc turns it
 * into 23:59:59.999999999 (and for {@code timetz} drops the offset in text transfer or throws in
 * binary transfer), so those values become the string {@code 24:00:00} with the offset written
 * like every other {@code timetz} value of the column ({@code +03:00}, {@code Z} for UTC).
 */
final class TimeOfDayReaders {
    private static final String END_OF_DAY = "24:00:00";
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final int BINARY_FORMAT = 1;
    private static final int BINARY_TIMETZ_LENGTH = 12;

    private TimeOfDayReaders() {
    }

    static Object time(ResultSet resultSet, int column) throws SQLException {
        LocalTime value = resultSet.getObject(column, LocalTime.class);
        // PostgreSQL times stop at microseconds, so only 24:00:00 ever reads as LocalTime.MAX.
        return LocalTime.MAX.equals(value) ? END_OF_DAY : value;
    }

    static Object timetz(ResultSet resultSet, int column) throws SQLException {
        if (isBinary(resultSet, column)) {
            byte[] raw = resultSet.getBytes(column);
            if (raw == null) {
                return null;
            }
            ByteBuffer wire = ByteBuffer.wrap(raw);
            if (raw.length == BINARY_TIMETZ_LENGTH && wire.getLong(0) == MICROS_PER_DAY) {
                // The wire holds microseconds since midnight, then the zone in seconds west of UTC.
                return END_OF_DAY + ZoneOffset.ofTotalSeconds(-wire.getInt(Long.BYTES)).getId();
            }
            return resultSet.getObject(column, OffsetTime.class);
        }
        String text = resultSet.getString(column);
        if (text == null) {
            return null;
        }
        if (text.startsWith(END_OF_DAY)) {
            return END_OF_DAY + ZoneOffset.of(text.substring(END_OF_DAY.length())).getId();
        }
        return resultSet.getObject(column, OffsetTime.class);
    }

    /** pgjdbc switches a statement's results to binary after a few executions; other drivers send text. */
    private static boolean isBinary(ResultSet resultSet, int column) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        return metaData.isWrapperFor(PGResultSetMetaData.class)
                && metaData.unwrap(PGResultSetMetaData.class).getFormat(column) == BINARY_FORMAT;
    }
}
