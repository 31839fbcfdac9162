package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteOutcome;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Serializes a result as it streams in: each row goes straight from the callback to JSON bytes, so no
 * list of row objects is ever built. The bytes are sent only after the use case has returned (and
 * released its database connection), so a slow client never holds a connection.
 *
 * <p>Two bodies share it, so a value reads the same wherever it appears: the sync body
 * {@code {"columns":[{"name","type"}],"rows":[{...}],"row_count","truncated","max_rows","executed_at"}}
 * (see {@link #finish(ExecuteOutcome.Executed)}), and a completed job's {@code result} object
 * {@code {"columns","rows","row_count","truncated"}} written inside the job body (see {@link #nested}).
 * Not thread-safe: one instance per request.
 */
final class ResultJsonWriter implements ResultSink {

    // Empty when writing into another document's generator, whose owner finishes and closes it.
    private final Optional<ByteArrayOutputStream> buffer;
    private final JsonGenerator out;
    private List<String> keys;
    private int rowsWritten;

    /** A sync result body of its own. */
    ResultJsonWriter() {
        this(new ByteArrayOutputStream(8 * 1024));
    }

    private ResultJsonWriter(ByteArrayOutputStream buffer) {
        this(Optional.of(buffer), generator(buffer));
    }

    private ResultJsonWriter(Optional<ByteArrayOutputStream> buffer, JsonGenerator out) {
        this.buffer = buffer;
        this.out = out;
        try {
            out.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A result object written as the next value of {@code out}; end it with {@link #finishNested}. */
    static ResultJsonWriter nested(JsonGenerator out) {
        return new ResultJsonWriter(Optional.empty(), out);
    }

    @Override
    public void columns(List<Column> columns) {
        if (keys != null) {
            throw new IllegalStateException("columns were already given");
        }
        keys = uniqueKeys(columns);
        try {
            out.writeArrayFieldStart("columns");
            for (int i = 0; i < columns.size(); i++) {
                out.writeStartObject();
                out.writeStringField("name", keys.get(i));
                out.writeStringField("type", columns.get(i).type());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("rows");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object[] values) {
        if (keys == null) {
            throw new IllegalStateException("a row arrived before the columns");
        }
        if (values.length != keys.size()) {
            throw new IllegalArgumentException("a row has " + values.length + " values for " + keys.size() + " columns");
        }
        try {
            out.writeStartObject();
            for (int i = 0; i < values.length; i++) {
                out.writeFieldName(keys.get(i));
                JsonValueWriter.write(out, values[i]);
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rowsWritten++;
    }

    /** The complete body for a finished execution. */
    byte[] finish(ExecuteOutcome.Executed executed) {
        ByteArrayOutputStream own = buffer.orElseThrow(
                () -> new IllegalStateException("a nested result is ended with finishNested"));
        try {
            endRows(executed.truncated());
            out.writeNumberField("max_rows", executed.maxRows());
            out.writeStringField("executed_at", utcSeconds(executed.executedAt()));
            out.writeEndObject();
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return own.toByteArray();
    }

    /** Ends a {@link #nested} result object, leaving the enclosing document open. */
    void finishNested(boolean truncated) {
        if (buffer.isPresent()) {
            throw new IllegalStateException("a result body of its own is ended with finish");
        }
        try {
            endRows(truncated);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void endRows(boolean truncated) throws IOException {
        if (keys == null) {
            columns(List.of());
        }
        out.writeEndArray();
        // Counted here, so row_count always equals the rows in this very body.
        out.writeNumberField("row_count", rowsWritten);
        out.writeBooleanField("truncated", truncated);
    }

    int rowsWritten() {
        return rowsWritten;
    }

    /** Every timestamp of the API: UTC, whole seconds, {@code Z}. */
    static String utcSeconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Column labels as JSON keys: a later column with a label already taken becomes {@code name_2},
     * {@code name_3}, ... so a row object never has a duplicate key (SQL allows {@code SELECT a, a}).
     */
    static List<String> uniqueKeys(List<Column> columns) {
        Set<String> taken = new HashSet<>();
        List<String> keys = new ArrayList<>(columns.size());
        for (Column column : columns) {
            String key = column.name();
            for (int suffix = 2; !taken.add(key); suffix++) {
                key = column.name() + "_" + suffix;
            }
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    private static JsonGenerator generator(ByteArrayOutputStream buffer) {
        try {
            return Json.generator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
