package dev.dataapi.ports;

import java.util.Locale;

/** Whether an endpoint answers with its result ({@code SYNC}) or with a job to poll ({@code ASYNC}). */
public enum ExecutionMode {
    /** Answers with the result, within the endpoint's timeout (at most 60 s). */
    SYNC,
    /** Answers at once with a job; workers run it and the result is polled or delivered by webhook. */
    ASYNC;

    /**
     * The lower-case name used in catalog files and JSON.
     *
     * @return {@code sync} or {@code async}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code sync} or {@code async}; throws naming the accepted values otherwise.
     *
     * @param value the catalog's spelling
     * @return the mode
     * @throws IllegalArgumentException when {@code value} is neither
     */
    public static ExecutionMode fromWire(String value) {
        for (ExecutionMode mode : values()) {
            if (mode.wireName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'mode' must be 'sync' or 'async', got " + Names.quote(value));
    }
}
