package dev.dataapi.sql;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.out.QueryOutcome;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a result set into a sink: columns first, then at most {@code maxRows} rows, sizing the
 * fetches by the rows' width ({@link FetchSizing}).
 */
final class ResultStreamer {

    private ResultStreamer() {
    }

    /**
     * Streams {@code resultSet} into {@code sink}. The statement fetched at most {@code maxRows + 1}
     * rows: the extra one only tells that the result was truncated. Past {@code deadlineNanos}
     * (a {@link System#nanoTime()} value) the rest is abandoned as timed out.
     */
    static QueryOutcome stream(ResultSet resultSet, ResultSink sink, int maxRows, long deadlineNanos) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int count = metaData.getColumnCount();
        List<Column> columns = new ArrayList<>(count);
        ValueReader[] readers = new ValueReader[count];
        for (int i = 0; i < count; i++) {
            String typeName = metaData.getColumnTypeName(i + 1);
            columns.add(new Column(metaData.getColumnLabel(i + 1), ValueReaders.displayName(typeName)));
            readers[i] = ValueReaders.forType(typeName);
        }
        sink.columns(List.copyOf(columns));
        Object[] row = new Object[count];
        FetchSizing fetches = new FetchSizing();
        int fetchSize = resultSet.getFetchSize();
        int delivered = 0;
        while (resultSet.next()) {
            if (delivered == maxRows) {
                return new QueryOutcome.Completed(delivered, true);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                return new QueryOutcome.TimedOut();
            }
            for (int i = 0; i < count; i++) {
                row[i] = readers[i].read(resultSet, i + 1);
            }
            sink.row(row);
            delivered++;
            int next = fetches.afterRow(row);
            if (next != fetchSize) {
                // Read by pgjdbc when it next runs out of fetched rows.
                resultSet.setFetchSize(next);
                fetchSize = next;
            }
        }
        return new QueryOutcome.Completed(delivered, false);
    }
}
