package dev.dataapi.ports.out;

/**
 * Where the catalog is kept. Writers apply catalog files to it; readers load it whole and serve
 * lookups from memory.
 */
public interface CatalogStore {

    /** Everything stored, as one consistent snapshot. */
    CatalogSnapshot load();

    /**
     * Creates or replaces every entry of {@code changes}, matched by natural key: company id,
     * (company, namespace, slug) for endpoints, key id for API keys. All or nothing. Entries not
     * named in {@code changes} are left alone.
     */
    void apply(CatalogSnapshot changes);
}
