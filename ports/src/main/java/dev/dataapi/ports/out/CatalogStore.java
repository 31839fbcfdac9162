package dev.dataapi.ports.out;

import dev.dataapi.ports.ApiKey;
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
     * <p>Two things a catalog file written earlier must not undo: a stored key's revocation stays
     * (revocation is final), and when an applied key's token is the stored key's previous token (a
     * file from before a rotation), the stored current and previous tokens are kept. Likewise a
     * stored previous token is kept when the applied key has the same current token and names no
     * previous token, so that re-applying a file does not cut a rotation's overlap short.
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

    /**
     * Stores a new API key, never replacing one: two writers creating the same id cannot both
     * succeed.
     *
     * @param key the new key; its company must be stored
     * @return false, and nothing written, when a key with that id exists
     * @throws IllegalArgumentException when the key's company is not stored, or its token hash is
     *                                  already another key's
     */
    boolean insertKey(ApiKey key);

    /**
     * Replaces a stored key only if it is unchanged since it was read: its current token is still
     * {@code expectedTokenSha256} and it is not revoked. Two rotations, or a rotation and a
     * revocation, racing on one key cannot both win.
     *
     * @param expectedTokenSha256 the current token hash the caller read
     * @param replacement         the new state of the key (same id)
     * @return false, and nothing written, when the key is missing, revoked or its token changed
     */
    boolean replaceKey(String expectedTokenSha256, ApiKey replacement);
}
