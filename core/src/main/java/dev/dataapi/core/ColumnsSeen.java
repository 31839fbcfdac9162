package dev.dataapi.core;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import java.util.List;

/** Passes a result through to a sink and remembers its columns, for the summary stored with it. */
final class ColumnsSeen implements ResultSink {
    private final ResultSink target;
    private List<Column> columns = List.of();

    ColumnsSeen(ResultSink target) {
        this.target = target;
    }

    @Override
    public void columns(List<Column> values) {
        columns = List.copyOf(values);
        target.columns(values);
    }

    @Override
    public void row(Object[] values) {
        target.row(values);
    }

    /** The columns the query reported; none when it reported none. */
    List<Column> columns() {
        return columns;
    }
}
