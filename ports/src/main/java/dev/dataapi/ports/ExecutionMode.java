package dev.dataapi.ports;

import java.util.Locale;

/** Whether an endpoint answers with its result ({@code SYNC}) or with a job to poll ({@code ASYNC}). */
public enum ExecutionMode {
    SYNC, ASYNC;

    /** The lower-case name used in catalog files and JSON. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sync} or {@code async}; throws naming the accepted values otherwise. */
    public static ExecutionMode fromWire(String value) {
        for (ExecutionMode mode : values()) {
            if (mode.wireName().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'mode' must be 'sync' or 'async', got " + Names.quote(value));
    }
}
