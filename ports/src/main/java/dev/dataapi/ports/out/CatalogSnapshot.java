package dev.dataapi.ports.out;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import java.util.List;

/**
 * The whole catalog, or the part of it a catalog file describes: companies, their endpoints and
 * their API keys.
 *
 * @param companies companies
 * @param endpoints endpoints of those (or already stored) companies
 * @param apiKeys   API keys of those (or already stored) companies
 */
public record CatalogSnapshot(List<Company> companies, List<Endpoint> endpoints, List<ApiKey> apiKeys) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param companies companies
     * @param endpoints endpoints of those (or already stored) companies
     * @param apiKeys   API keys of those (or already stored) companies
     */
    public CatalogSnapshot {
        companies = List.copyOf(companies);
        endpoints = List.copyOf(endpoints);
        apiKeys = List.copyOf(apiKeys);
    }

    /**
     * A catalog with nothing in it.
     *
     * @return the empty snapshot
     */
    public static CatalogSnapshot empty() {
        return new CatalogSnapshot(List.of(), List.of(), List.of());
    }
}
