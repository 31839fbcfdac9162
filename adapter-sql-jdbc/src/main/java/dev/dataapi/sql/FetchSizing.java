package dev.dataapi.sql;

import dev.dataapi.ports.JsonText;
import java.sql.SQLException;
import java.util.List;

/**
 * How many rows each fetch from the database asks for. pgjdbc holds a whole fetch in memory, so a
 * fixed 1,000 rows of 1 MB documents would be a gigabyte at once. The first fetch asks for few
 * rows; afterwards each fetch asks for as many of the widest row seen so far as fit in
 * {@value #TARGET_FETCH_BYTES} bytes, between 1 and {@value #MAX_FETCH_ROWS}. Sizes are estimates of
 * the rows' text on the wire; the query pools' {@code maxResultBuffer} is the hard bound behind
 * them. Not thread-safe: one per result set.
 */
final class FetchSizing {
    /** Rows of the first fetch, before any row's width is known. */
    static final int FIRST_FETCH_ROWS = 100;
    /** The most rows a fetch asks for, however narrow they are. */
    static final int MAX_FETCH_ROWS = 1000;
    /** About what one fetch should hold. */
    static final long TARGET_FETCH_BYTES = 8L * 1024 * 1024;
    private static final int SCALAR_BYTES = 16;

    private long widestRow = 1;

    /** The rows the first fetch asks for, for a result of at most {@code rowsWanted} rows. */
    static int firstFetch(int rowsWanted) {
        return Math.min(rowsWanted, FIRST_FETCH_ROWS);
    }

    /**
     * Whether {@code e} may be pgjdbc refusing a fetch over the connection's {@code maxResultBuffer}:
     * a communication error, the state it uses. Its message is not compared, since pgjdbc translates
     * it; a real communication error is then retried once too, which is harmless before any row.
     */
    static boolean overBound(SQLException e) {
        return "08S01".equals(e.getSQLState());
    }

    /** Notes a row that was read; returns how many rows the next fetch should ask for. */
    int afterRow(Object[] row) {
        long width = 0;
        for (Object value : row) {
            width += estimate(value);
        }
        widestRow = Math.max(widestRow, width);
        return (int) Math.max(1, Math.min(MAX_FETCH_ROWS, TARGET_FETCH_BYTES / widestRow));
    }

    /** About the bytes {@code value} took in the database's text format. */
    static long estimate(Object value) {
        if (value instanceof String) {
            return ((String) value).length();
        }
        if (value instanceof JsonText) {
            return ((JsonText) value).json().length();
        }
        if (value instanceof byte[]) {
            return 2L * ((byte[]) value).length; // bytea travels as hex
        }
        if (value instanceof List) {
            long total = 0;
            for (Object element : (List<?>) value) {
                total += estimate(element);
            }
            return total;
        }
        return SCALAR_BYTES;
    }
}
