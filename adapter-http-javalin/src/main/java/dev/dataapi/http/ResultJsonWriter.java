package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteOutcome;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Serializes a result as it streams in: each row goes straight from the callback to JSON bytes, so no
 * list of row objects is ever built. A sync body is sent only after the use case has returned (and
 * released its database connection), so a slow client never holds a connection; it is held in a
 * {@link BoundedBuffer}, and once it passes that limit the remaining rows are only counted.
 *
 * <p>Two bodies share it, so a value reads the same wherever it appears: the sync body
 * {@code {"columns":[{"name","type"}],"rows":[{...}],"row_count","truncated","max_rows","executed_at"}}
 * (see {@link #finish(ExecuteOutcome.Executed)}), and a completed job's {@code result} object
 * {@code {"columns","rows","row_count","truncated"}} written inside the job body (see {@link #nested}),
 * which goes to the client as it is written.
 * Not thread-safe: one instance per request.
 */
final class ResultJsonWriter implements ResultSink {

    // Empty when writing into another document's generator, whose owner finishes and closes it.
    private final Optional<BoundedBuffer> buffer;
    private final JsonGenerator out;
    private List<String> keys;
    private int rowsWritten;

    /** A sync result body of its own, of at most {@code maxBytes}. */
    ResultJsonWriter(long maxBytes) {
        this(new BoundedBuffer(maxBytes));
    }

    private ResultJsonWriter(BoundedBuffer buffer) {
        this(Optional.of(buffer), generator(buffer));
    }

    private ResultJsonWriter(Optional<BoundedBuffer> buffer, JsonGenerator out) {
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
        if (tooLarge()) {
            // The body will not be sent; the executor still reads its rows, so keep that cheap.
            rowsWritten++;
            return;
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

    /** The complete body for a finished execution, or empty when it passed the limit. */
    Optional<InputStream> finish(ExecuteOutcome.Executed executed) {
        BoundedBuffer own = buffer.orElseThrow(
                () -> new IllegalStateException("a nested result is ended with finishNested"));
        try {
            if (!own.overflowed()) {
                endRows(executed.truncated());
                out.writeNumberField("max_rows", executed.maxRows());
                out.writeStringField("executed_at", utcSeconds(executed.executedAt()));
                out.writeEndObject();
            }
            // Flushes the generator's own buffer, which may still take the body past the limit.
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return own.overflowed() ? Optional.empty() : Optional.of(own.contents());
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

    /** Rows received, including those only counted once the body passed its limit. */
    int rowsWritten() {
        return rowsWritten;
    }

    private boolean tooLarge() {
        return buffer.isPresent() && buffer.get().overflowed();
    }

    /** Every timestamp of the API: UTC, whole seconds, {@code Z}. */
    static String utcSeconds(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Column labels as JSON keys, unique so a row object never has a duplicate key (SQL allows
     * {@code SELECT a, a}). The first column with a label keeps it; a later one gets the first of
     * {@code label_2}, {@code label_3}, ... that no column is labelled and no earlier column was given,
     * so {@code dup, dup, dup_2} becomes {@code dup, dup_3, dup_2}: a real column never loses its name.
     */
    static List<String> uniqueKeys(List<Column> columns) {
        Set<String> taken = new HashSet<>();
        columns.forEach(column -> taken.add(column.name()));
        Set<String> kept = new HashSet<>();
        // Where the search for a label's next free suffix resumes, so many duplicates stay linear.
        Map<String, Integer> nextSuffix = new HashMap<>();
        List<String> keys = new ArrayList<>(columns.size());
        for (Column column : columns) {
            String label = column.name();
            if (kept.add(label)) {
                keys.add(label);
                continue;
            }
            int suffix = nextSuffix.getOrDefault(label, 2);
            while (taken.contains(label + "_" + suffix)) {
                suffix++;
            }
            String key = label + "_" + suffix;
            taken.add(key);
            nextSuffix.put(label, suffix + 1);
            keys.add(key);
        }
        return List.copyOf(keys);
    }

    private static JsonGenerator generator(BoundedBuffer buffer) {
        try {
            return Json.generator(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
