package dev.dataapi.ports.out;

import dev.dataapi.ports.CompanyId;
import java.util.Set;

/**
 * Where the catalog is kept. Writers apply catalog files and key changes to it; readers load it
 * whole and serve lookups from memory.
 *
 * <p>Contract: thread-safe, and safe with several processes (servers, CLI runs) writing the same
 * store; every write is all or nothing; infrastructure failures throw an unchecked exception of the
 * adapter's family, invalid entries (which the records already refuse) never reach it.
 */
public interface CatalogStore {

    /**
     * Everything stored, as one consistent snapshot.
     *
     * @return every company, endpoint and API key
     */
    CatalogSnapshot load();

    /**
     * Creates or replaces every entry of {@code changes}, matched by natural key: company id,
     * (company, namespace, slug) for endpoints, key id for API keys. All or nothing. Entries not
     * named in {@code changes} are left alone.
     *
     * @param changes the entries to create or replace
     */
    default void apply(CatalogSnapshot changes) {
        apply(changes, Set.of());
    }

    /**
     * Like {@link #apply(CatalogSnapshot)}, and in the same transaction deletes the endpoints and API
     * keys of the {@code pruned} companies that {@code changes} does not name. Companies themselves
     * are never deleted.
     *
     * @param changes the entries to create or replace
     * @param pruned  companies whose unnamed endpoints and keys are deleted
     * @return what was deleted (its {@code companies} is empty)
     */
    CatalogSnapshot apply(CatalogSnapshot changes, Set<CompanyId> pruned);
}
