package dev.dataapi.ports.out;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.RetiringToken;
import java.util.Optional;
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
     * <p>What a catalog file written earlier must not undo (see {@link ApiKey#appliedOver}): a
     * stored key's revocation stays (revocation is final); the token of a key created by
     * {@link #insertKey} or rotated by {@link #rotateToken} is managed there, so an apply keeps its
     * stored current and previous tokens; an applied key whose token is the stored key's previous
     * token (a file from before a rotation) keeps the stored tokens too; and an applied key with the
     * stored current token that names no previous token (or no prefix) keeps the stored one.
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
     * succeed. Its token is managed by this store from then on: an apply keeps it.
     *
     * @param key the new key; its company must be stored
     * @return false, and nothing written, when a key with that id exists
     * @throws IllegalArgumentException when the key's company is not stored, or its token hash is
     *                                  already another key's
     */
    boolean insertKey(ApiKey key);

    /**
     * Gives a stored key a new token (a rotation), only if its current token is still
     * {@code expectedTokenSha256} and it is not revoked: two rotations, or a rotation and a
     * revocation, racing on one key cannot both win. Only the token changes (current token, its
     * prefix, the previous token); what an apply changed meanwhile (permissions, scope, expiry) stays.
     * The key's token is managed by this store from then on: an apply keeps it.
     *
     * @param keyId               the key
     * @param expectedTokenSha256 the current token hash the caller read
     * @param newTokenSha256      the new token's hash
     * @param newPrefix           the new token's display prefix
     * @param previous            the token that keeps working for a while, if any
     * @return false, and nothing written, when the key is missing, revoked or its token changed
     * @throws IllegalArgumentException when the new or previous hash is already another key's
     */
    boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256, Optional<String> newPrefix,
                        Optional<RetiringToken> previous);
}
