package dev.dataapi.ports;

import java.util.List;

/**
 * Receives a query result as it is read, so that a writer can turn rows into bytes without
 * building a list of row objects first. A query executor calls {@link #columns} once, then
 * {@link #row} for each row, in order, on the calling thread.
 *
 * <p>Row values are {@code null}, {@link String}, {@link Boolean}, {@link Short}, {@link Integer},
 * {@link Long}, {@link java.math.BigDecimal}, {@link Float}, {@link Double},
 * {@link java.time.LocalDate}, {@link java.time.LocalTime}, {@link java.time.OffsetTime},
 * {@link java.time.LocalDateTime}, {@link java.time.OffsetDateTime}, {@code byte[]},
 * {@link JsonText} or a {@link List} of these (for arrays).
 */
public interface ResultSink {

    /**
     * The result's columns, before the first row.
     *
     * @param columns the columns, in result order
     */
    void columns(List<Column> columns);

    /**
     * One row, values in column order. The array is reused for the next row: copy what you keep.
     *
     * @param values one value per column (see the types above)
     */
    void row(Object[] values);
}
