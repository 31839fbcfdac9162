package dev.dataapi.examples.embedded;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import java.util.List;

/**
 * A sink that writes a sync result as the contract's JSON while the rows arrive: one object per row,
 * keyed by column name in column order. Used by one request at a time.
 */
final class JsonRows implements ResultSink {
    private List<Column> columns = List.of();
    private final StringBuilder rows = new StringBuilder();

    @Override
    public void columns(List<Column> value) {
        this.columns = List.copyOf(value);
    }

    @Override
    public void row(Object[] values) {
        rows.append(rows.length() == 0 ? "" : ",").append('{');
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                rows.append(',');
            }
            JsonWriter.string(rows, columns.get(i).name());
            rows.append(':');
            JsonWriter.value(rows, values[i]);
        }
        rows.append('}');
    }

    /** {@code "columns":[…],"rows":[…]}, to go inside the response object. */
    String columnsAndRows() {
        StringBuilder out = new StringBuilder("\"columns\":[");
        for (int i = 0; i < columns.size(); i++) {
            out.append(i > 0 ? "," : "").append("{\"name\":");
            JsonWriter.string(out, columns.get(i).name());
            out.append(",\"type\":");
            JsonWriter.string(out, columns.get(i).type());
            out.append('}');
        }
        return out.append("],\"rows\":[").append(rows).append(']').toString();
    }
}
