package dev.dataapi.core.memory;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.KeyUsageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CatalogStore} held in memory, for tests and for embedders that build their catalog in
 * code. It passes the same contract as the database store: upsert by natural key, entries not
 * named are kept, an entry of an unknown company refuses the whole change.
 *
 * <p>Thread-safe: a change is built on a copy and published in one step, so {@link #load()} never
 * sees half of an {@link #apply}.
 */
public final class InMemoryCatalogStore implements CatalogStore, KeyUsageStore {

    private final Object writeLock = new Object();
    private volatile CatalogSnapshot current = CatalogSnapshot.empty();
    private final Map<String, Instant> lastUsed = new ConcurrentHashMap<>();
    /** Keys whose token was created or rotated here rather than written by an apply: an apply keeps it. */
    private final Set<String> tokenManaged = ConcurrentHashMap.newKeySet();

    /** An empty store. */
    public InMemoryCatalogStore() {
    }

    /**
     * A store holding {@code initial}, applied as by {@link #apply}.
     *
     * @param initial the companies, endpoints and keys to start with
     */
    public InMemoryCatalogStore(CatalogSnapshot initial) {
        apply(initial);
    }

    @Override
    public CatalogSnapshot load() {
        return current;
    }

    /**
     * Creates or replaces every entry of {@code changes}, then deletes the endpoints and keys of the
     * {@code pruned} companies that {@code changes} does not name.
     *
     * @throws IllegalArgumentException naming the entry when an endpoint or key belongs to a company
     *                                  that is neither stored nor in {@code changes}; nothing is stored then
     */
    @Override
    public CatalogSnapshot apply(CatalogSnapshot changes, Set<CompanyId> pruned) {
        Objects.requireNonNull(changes, "'changes' is required");
        Objects.requireNonNull(pruned, "'pruned' is required");
        synchronized (writeLock) {
            // Pruned first, as the database store does: a file may give a dropped key's token to a new key.
            Set<EndpointKey> namedEndpoints = new HashSet<>();
            changes.endpoints().forEach(endpoint -> namedEndpoints.add(EndpointKey.of(endpoint)));
            Set<String> namedKeys = new HashSet<>();
            changes.apiKeys().forEach(key -> namedKeys.add(key.id()));
            List<Endpoint> keptEndpoints = new ArrayList<>();
            List<Endpoint> removedEndpoints = new ArrayList<>();
            for (Endpoint endpoint : current.endpoints()) {
                boolean remove = pruned.contains(endpoint.company()) && !namedEndpoints.contains(EndpointKey.of(endpoint));
                (remove ? removedEndpoints : keptEndpoints).add(endpoint);
            }
            List<ApiKey> keptKeys = new ArrayList<>();
            List<ApiKey> removedKeys = new ArrayList<>();
            for (ApiKey key : current.apiKeys()) {
                boolean remove = pruned.contains(key.company()) && !namedKeys.contains(key.id());
                (remove ? removedKeys : keptKeys).add(key);
            }
            CatalogSnapshot merged = merged(new CatalogSnapshot(current.companies(), keptEndpoints, keptKeys), changes);
            List<String> moved = movedToAnotherCompany(current, changes);
            current = merged;
            // A moved key took the file's token, not the command line's (ApiKey#appliedOver).
            moved.forEach(tokenManaged::remove);
            removedKeys.forEach(key -> {
                lastUsed.remove(key.id());
                tokenManaged.remove(key.id());
            });
            return new CatalogSnapshot(List.of(), removedEndpoints, removedKeys);
        }
    }

    @Override
    public boolean insertKey(ApiKey key) {
        Objects.requireNonNull(key, "'key' is required");
        synchronized (writeLock) {
            if (current.apiKeys().stream().anyMatch(stored -> stored.id().equals(key.id()))) {
                return false;
            }
            current = merged(current, new CatalogSnapshot(List.of(), List.of(), List.of(key)));
            tokenManaged.add(key.id());
            return true;
        }
    }

    @Override
    public boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256,
                               Optional<String> newPrefix, Optional<RetiringToken> previous) {
        Objects.requireNonNull(keyId, "'keyId' is required");
        Objects.requireNonNull(expectedTokenSha256, "'expectedTokenSha256' is required");
        synchronized (writeLock) {
            Optional<ApiKey> stored = current.apiKeys().stream().filter(key -> key.id().equals(keyId)).findFirst();
            if (stored.isEmpty() || stored.get().revoked() || !stored.get().tokenSha256().equals(expectedTokenSha256)) {
                return false;
            }
            ApiKey rotated = stored.get().withToken(newTokenSha256, newPrefix, previous);
            List<ApiKey> keys = new ArrayList<>();
            for (ApiKey key : current.apiKeys()) {
                keys.add(key.id().equals(keyId) ? rotated : key);
            }
            requireDistinctTokens(keys);
            current = new CatalogSnapshot(current.companies(), current.endpoints(), keys);
            tokenManaged.add(keyId);
            return true;
        }
    }

    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        Objects.requireNonNull(lastUsedByKeyId, "'lastUsedByKeyId' is required");
        synchronized (writeLock) {
            Set<String> known = new HashSet<>();
            current.apiKeys().forEach(key -> known.add(key.id()));
            lastUsedByKeyId.forEach((id, at) -> {
                if (known.contains(id)) {
                    lastUsed.merge(id, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
                }
            });
        }
    }

    @Override
    public Map<String, Instant> lastUsed() {
        return Map.copyOf(lastUsed);
    }

    /**
     * Replaces everything with {@code snapshot}, for tests that need the store to forget entries.
     * Refused as a whole, like {@link #apply}, when an entry names an unknown company.
     *
     * @param snapshot the store's new content
     */
    public void replaceAll(CatalogSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "'snapshot' is required");
        synchronized (writeLock) {
            current = merged(CatalogSnapshot.empty(), snapshot);
            tokenManaged.clear();
        }
    }

    private CatalogSnapshot merged(CatalogSnapshot base, CatalogSnapshot changes) {
        Map<CompanyId, Company> companies = new LinkedHashMap<>();
        base.companies().forEach(company -> companies.put(company.id(), company));
        changes.companies().forEach(company -> companies.put(company.id(), company));

        Map<EndpointKey, Endpoint> endpoints = new LinkedHashMap<>();
        base.endpoints().forEach(endpoint -> endpoints.put(EndpointKey.of(endpoint), endpoint));
        for (Endpoint endpoint : changes.endpoints()) {
            requireKnown(companies, endpoint.company(), "endpoint " + endpoint.company() + "/" + endpoint.ref());
            endpoints.put(EndpointKey.of(endpoint), endpoint);
        }

        Map<String, ApiKey> keys = new LinkedHashMap<>();
        base.apiKeys().forEach(key -> keys.put(key.id(), key));
        for (ApiKey key : changes.apiKeys()) {
            requireKnown(companies, key.company(), "api_key " + key.id());
            ApiKey stored = keys.get(key.id());
            keys.put(key.id(), stored == null ? key : key.appliedOver(stored, tokenManaged.contains(key.id())));
        }
        requireDistinctTokens(keys.values());
        return new CatalogSnapshot(new ArrayList<>(companies.values()), new ArrayList<>(endpoints.values()),
                new ArrayList<>(keys.values()));
    }

    private static List<String> movedToAnotherCompany(CatalogSnapshot before, CatalogSnapshot changes) {
        Map<String, CompanyId> owners = new HashMap<>();
        before.apiKeys().forEach(key -> owners.put(key.id(), key.company()));
        List<String> moved = new ArrayList<>();
        for (ApiKey key : changes.apiKeys()) {
            CompanyId owner = owners.get(key.id());
            if (owner != null && !owner.equals(key.company())) {
                moved.add(key.id());
            }
        }
        return moved;
    }

    private static void requireKnown(Map<CompanyId, Company> companies, CompanyId company, String entry) {
        if (!companies.containsKey(company)) {
            throw new IllegalArgumentException(entry + ": 'company' " + company + " is not a known company");
        }
    }

    /** Refuses a catalog in which one token hash, current or previous, names two keys, as the database does. */
    private static void requireDistinctTokens(Iterable<ApiKey> keys) {
        Map<String, String> owners = new HashMap<>();
        for (ApiKey key : keys) {
            List<String> hashes = new ArrayList<>();
            hashes.add(key.tokenSha256());
            key.previousToken().ifPresent(previous -> hashes.add(previous.tokenSha256()));
            for (String hash : hashes) {
                String owner = owners.putIfAbsent(hash, key.id());
                if (owner != null && !owner.equals(key.id())) {
                    throw new IllegalArgumentException("api_key " + key.id() + ": its token is already api_key " + owner
                            + "'s");
                }
            }
        }
    }

    private record EndpointKey(CompanyId company, EndpointRef ref) {
        static EndpointKey of(Endpoint endpoint) {
            return new EndpointKey(endpoint.company(), endpoint.ref());
        }
    }

    /** Only the number of entries: a catalog can be large. */
    @Override
    public String toString() {
        CatalogSnapshot snapshot = current;
        return "InMemoryCatalogStore[companies=" + snapshot.companies().size() + ", endpoints="
                + snapshot.endpoints().size() + ", apiKeys=" + snapshot.apiKeys().size() + "]";
    }
}
