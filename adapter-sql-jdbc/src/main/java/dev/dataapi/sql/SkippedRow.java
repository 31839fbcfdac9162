package dev.dataapi.sql;

import java.util.Objects;

/**
 * A stored catalog row that a load left out because the domain refuses it.
 *
 * @param row    names the row, e.g. {@code endpoint sales/by-region of company acme}; never a secret
 * @param reason why it was refused; never a secret
 */
record SkippedRow(String row, String reason) {
    SkippedRow {
        Objects.requireNonNull(row, "'row' is required");
        Objects.requireNonNull(reason, "'reason' is required");
    }
}
