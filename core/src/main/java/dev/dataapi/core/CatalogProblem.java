package dev.dataapi.core;

import java.util.Objects;

/**
 * One thing wrong with a catalog, pointing at the entry and field to fix.
 *
 * @param entry   the entry, e.g. {@code endpoint acme/sales/by-region}, {@code api_key acme-partner}, {@code company acme}
 * @param field   the field within it, e.g. {@code parameters[1].default}, {@code share_context.regions}, {@code slug}
 * @param message what is wrong, for the person editing the catalog
 */
public record CatalogProblem(String entry, String field, String message) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param entry   the entry, e.g. {@code endpoint acme/sales/by-region}, {@code api_key acme-partner}, {@code company acme}
     * @param field   the field within it, e.g. {@code parameters[1].default}, {@code share_context.regions}, {@code slug}
     * @param message what is wrong, for the person editing the catalog
     */
    public CatalogProblem {
        Objects.requireNonNull(entry, "'entry' is required");
        Objects.requireNonNull(field, "'field' is required");
        Objects.requireNonNull(message, "'message' is required");
    }

    @Override
    public String toString() {
        return entry + ": " + field + ": " + message;
    }
}
