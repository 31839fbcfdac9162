package dev.dataapi.ports.in;

import dev.dataapi.ports.ResultSink;

/** A stored result that can be written out again, columns first, then rows in order. */
@FunctionalInterface
public interface ResultSource {

    /**
     * Streams the result into {@code sink}.
     *
     * @param sink receives the columns, then each row in order, on the calling thread
     */
    void writeTo(ResultSink sink);
}
