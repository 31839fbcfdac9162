package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.Permission;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rebuilds the catalog's domain records from its tables. */
final class CatalogReader {

    private CatalogReader() {
    }

    static List<Company> companies(Connection connection) throws SQLException {
        List<Company> companies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, name, webhook_secret FROM data_api.companies ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                try {
                    companies.add(new Company(new CompanyId(id), rows.getString("name"),
                            Optional.ofNullable(rows.getString("webhook_secret"))));
                } catch (IllegalArgumentException e) {
                    throw invalid("company " + id, e);
                }
            }
        }
        return companies;
    }

    static List<Endpoint> endpoints(Connection connection) throws SQLException {
        List<Endpoint> endpoints = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT company_id, namespace, slug, active, mode, sql, parameters::text AS parameters, max_rows,"
                        + " timeout_ms, require_share_context::text AS require_share_context"
                        + " FROM data_api.endpoints ORDER BY company_id, namespace, slug");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String name = rows.getString("company_id") + " " + rows.getString("namespace") + "/" + rows.getString("slug");
                try {
                    endpoints.add(endpoint(rows));
                } catch (IllegalArgumentException e) {
                    throw invalid("endpoint " + name, e);
                }
            }
        }
        return endpoints;
    }

    static List<ApiKey> apiKeys(Connection connection) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, company_id, token_sha256, permissions, share_context::text AS share_context, expires_at, revoked"
                        + " FROM data_api.api_keys ORDER BY company_id, id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                try {
                    keys.add(apiKey(rows));
                } catch (IllegalArgumentException e) {
                    throw invalid("api key " + id, e);
                }
            }
        }
        return keys;
    }

    private static Endpoint endpoint(ResultSet rows) throws SQLException {
        return new Endpoint(
                new CompanyId(rows.getString("company_id")),
                new EndpointRef(rows.getString("namespace"), rows.getString("slug")),
                rows.getBoolean("active"),
                ExecutionMode.fromWire(rows.getString("mode")),
                rows.getString("sql"),
                CatalogJson.parametersFromJson(rows.getString("parameters")),
                rows.getInt("max_rows"),
                Duration.ofMillis(rows.getLong("timeout_ms")),
                CatalogJson.namesFromJson(rows.getString("require_share_context"), "require_share_context"));
    }

    private static ApiKey apiKey(ResultSet rows) throws SQLException {
        OffsetDateTime expiresAt = rows.getObject("expires_at", OffsetDateTime.class);
        return new ApiKey(
                rows.getString("id"),
                new CompanyId(rows.getString("company_id")),
                rows.getString("token_sha256"),
                permissions(rows.getArray("permissions")),
                CatalogJson.shareContextFromJson(rows.getString("share_context")),
                Optional.ofNullable(expiresAt).map(OffsetDateTime::toInstant),
                rows.getBoolean("revoked"));
    }

    private static Set<Permission> permissions(Array array) throws SQLException {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        try {
            for (Object name : (Object[]) array.getArray()) {
                permissions.add(Permission.fromWire((String) name));
            }
        } finally {
            array.free();
        }
        return permissions;
    }

    /** A stored row that the domain refuses: someone wrote the table without going through apply. */
    private static CatalogStoreException invalid(String what, IllegalArgumentException e) {
        return new CatalogStoreException("the stored " + what + " is invalid: " + e.getMessage(), e);
    }
}
