package dev.dataapi.sql;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Keeps what a query executor streams, copying each row since the executor reuses the array. */
class CollectingSink implements ResultSink {
    private List<Column> columns;
    private final List<List<Object>> rows = new ArrayList<>();

    @Override
    public void columns(List<Column> value) {
        if (columns != null) {
            throw new IllegalStateException("columns were sent twice");
        }
        columns = value;
    }

    @Override
    public void row(Object[] values) {
        if (columns == null) {
            throw new IllegalStateException("a row came before the columns");
        }
        rows.add(Arrays.asList(values.clone()));
    }

    List<Column> columns() {
        return columns;
    }

    List<List<Object>> rows() {
        return rows;
    }

    /** The only row's only value. */
    Object single() {
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new IllegalStateException("expected one row of one value, got " + rows);
        }
        return rows.get(0).get(0);
    }
}
