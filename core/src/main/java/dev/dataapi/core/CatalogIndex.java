package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An immutable lookup structure over one catalog snapshot. */
final class CatalogIndex {
    private static final Logger LOG = System.getLogger(CatalogIndex.class.getName());

    static final CatalogIndex EMPTY = new CatalogIndex(CatalogSnapshot.empty());

    private final CatalogSnapshot snapshot;
    private final Map<EndpointKey, Endpoint> endpoints;
    private final Map<String, ApiKey> keysByHash;
    private final Map<CompanyId, Company> companies;

    CatalogIndex(CatalogSnapshot snapshot) {
        this.snapshot = snapshot;
        Map<EndpointKey, Endpoint> byRef = new HashMap<>();
        for (Endpoint endpoint : snapshot.endpoints()) {
            Endpoint earlier = byRef.putIfAbsent(new EndpointKey(endpoint.company(), endpoint.ref()), endpoint);
            if (earlier != null) {
                LOG.log(Level.WARNING, "catalog holds endpoint " + endpoint.company() + "/" + endpoint.ref()
                        + " more than once; serving the first");
            }
        }
        Map<String, ApiKey> byHash = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (ApiKey key : snapshot.apiKeys()) {
            index(byHash, ambiguous, key.tokenSha256(), key);
            // A rotated key answers to its previous token too until the overlap ends; the key decides when.
            key.previousToken().ifPresent(previous -> index(byHash, ambiguous, previous.tokenSha256(), key));
        }
        // Fail closed: a token that could be either of two keys must not pick one by accident.
        ambiguous.forEach(byHash::remove);
        this.endpoints = Map.copyOf(byRef);
        this.keysByHash = Map.copyOf(byHash);
        Map<CompanyId, Company> byId = new HashMap<>();
        for (Company company : snapshot.companies()) {
            if (byId.putIfAbsent(company.id(), company) != null) {
                LOG.log(Level.WARNING, "catalog holds company " + company.id() + " more than once; serving the first");
            }
        }
        this.companies = Map.copyOf(byId);
    }

    private static void index(Map<String, ApiKey> byHash, Set<String> ambiguous, String hash, ApiKey key) {
        ApiKey earlier = byHash.putIfAbsent(hash, key);
        if (earlier != null) {
            ambiguous.add(hash);
            LOG.log(Level.WARNING, "api keys " + earlier.id() + " and " + key.id()
                    + " share a token hash; neither authenticates with it until one is changed");
        }
    }

    CatalogSnapshot snapshot() {
        return snapshot;
    }

    Optional<Endpoint> endpoint(CompanyId company, EndpointRef ref) {
        return Optional.ofNullable(endpoints.get(new EndpointKey(company, ref)));
    }

    Optional<Company> company(CompanyId id) {
        return Optional.ofNullable(id == null ? null : companies.get(id));
    }

    Optional<ApiKey> keyByTokenSha256(String tokenSha256) {
        // The map finds the candidate; ApiKey#authenticates makes the final, constant-time comparison.
        return Optional.ofNullable(tokenSha256 == null ? null : keysByHash.get(tokenSha256));
    }

    private record EndpointKey(CompanyId company, EndpointRef ref) {
    }
}
