package dev.dataapi.ports;

import java.util.Objects;

/**
 * A result value that is already JSON (a {@code json} or {@code jsonb} column): writers embed it
 * as JSON rather than as a string.
 *
 * @param json valid JSON text
 */
public record JsonText(String json) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param json valid JSON text
     */
    public JsonText {
        Objects.requireNonNull(json, "'json' is required");
    }
}
