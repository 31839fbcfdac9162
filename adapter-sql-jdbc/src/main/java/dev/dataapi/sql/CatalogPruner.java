package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Deletes the endpoints and API keys of pruned companies that a catalog does not name, and says
 * what it deleted. Endpoints are named by (company, namespace, slug); API keys by id alone, which is
 * global: a key listed under another company names that same key (the apply has just moved it).
 * Runs on the caller's transaction.
 */
final class CatalogPruner {
    private static final String DELETE_ENDPOINTS = "DELETE FROM data_api.endpoints AS e"
            + " WHERE e.company_id = ANY (?)"
            + " AND NOT EXISTS (SELECT 1 FROM unnest(?::text[], ?::text[], ?::text[]) AS kept (company_id, namespace, slug)"
            + " WHERE kept.company_id = e.company_id AND kept.namespace = e.namespace AND kept.slug = e.slug)"
            + " RETURNING " + CatalogReader.ENDPOINT_COLUMNS;
    private static final String DELETE_API_KEYS = "DELETE FROM data_api.api_keys"
            + " WHERE company_id = ANY (?) AND id <> ALL (?::text[])"
            + " RETURNING " + CatalogReader.API_KEY_COLUMNS;

    private static final Comparator<Endpoint> ENDPOINT_ORDER = Comparator
            .comparing((Endpoint endpoint) -> endpoint.company().value())
            .thenComparing(endpoint -> endpoint.ref().namespace())
            .thenComparing(endpoint -> endpoint.ref().slug());
    private static final Comparator<ApiKey> API_KEY_ORDER = Comparator
            .comparing((ApiKey key) -> key.company().value())
            .thenComparing(ApiKey::id);

    private CatalogPruner() {
    }

    /**
     * Deletes what {@code kept} does not name of the {@code pruned} companies; returns the deleted
     * entries, sorted as a load sorts them. A deleted row the domain refuses cannot be returned as
     * a record: it goes to {@code unreadable} instead.
     */
    static CatalogSnapshot prune(Connection connection, CatalogSnapshot kept, Set<CompanyId> pruned,
                                 Consumer<SkippedRow> unreadable) throws SQLException {
        if (pruned.isEmpty()) {
            return CatalogSnapshot.empty();
        }
        Object[] companies = pruned.stream().map(CompanyId::value).toArray();
        List<Endpoint> endpoints = deleteEndpoints(connection, companies, kept.endpoints(), unreadable);
        List<ApiKey> keys = deleteApiKeys(connection, companies, kept.apiKeys(), unreadable);
        return new CatalogSnapshot(List.of(), endpoints, keys);
    }

    private static List<Endpoint> deleteEndpoints(Connection connection, Object[] companies, List<Endpoint> kept,
                                                  Consumer<SkippedRow> unreadable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_ENDPOINTS)) {
            statement.setArray(1, connection.createArrayOf("text", companies));
            statement.setArray(2, connection.createArrayOf("text", kept.stream().map(e -> e.company().value()).toArray()));
            statement.setArray(3, connection.createArrayOf("text", kept.stream().map(e -> e.ref().namespace()).toArray()));
            statement.setArray(4, connection.createArrayOf("text", kept.stream().map(e -> e.ref().slug()).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                List<Endpoint> deleted = new ArrayList<>(CatalogReader.endpoints(rows, Set.of(), unreadable));
                deleted.sort(ENDPOINT_ORDER);
                return deleted;
            }
        }
    }

    private static List<ApiKey> deleteApiKeys(Connection connection, Object[] companies, List<ApiKey> kept,
                                              Consumer<SkippedRow> unreadable) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(DELETE_API_KEYS)) {
            statement.setArray(1, connection.createArrayOf("text", companies));
            statement.setArray(2, connection.createArrayOf("text", kept.stream().map(ApiKey::id).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                List<ApiKey> deleted = new ArrayList<>(CatalogReader.apiKeys(rows, Set.of(), unreadable));
                deleted.sort(API_KEY_ORDER);
                return deleted;
            }
        }
    }
}
