package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.Permission;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;

/**
 * Upserts catalog entries by natural key. A row whose content is unchanged is not touched, so
 * applying the same catalog file at every start leaves {@code updated_at} meaning "last changed".
 */
final class CatalogWriter {
    private static final String UPSERT_COMPANY = "INSERT INTO data_api.companies AS c (id, name, webhook_secret)"
            + " VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, webhook_secret = EXCLUDED.webhook_secret,"
            + " updated_at = now()"
            + " WHERE (c.name, c.webhook_secret) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.webhook_secret)";

    private static final String UPSERT_ENDPOINT = "INSERT INTO data_api.endpoints AS e (company_id, namespace, slug,"
            + " active, mode, sql, parameters, max_rows, timeout_ms, require_share_context)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb)"
            + " ON CONFLICT (company_id, namespace, slug) DO UPDATE SET active = EXCLUDED.active, mode = EXCLUDED.mode,"
            + " sql = EXCLUDED.sql, parameters = EXCLUDED.parameters, max_rows = EXCLUDED.max_rows,"
            + " timeout_ms = EXCLUDED.timeout_ms, require_share_context = EXCLUDED.require_share_context,"
            + " updated_at = now()"
            + " WHERE (e.active, e.mode, e.sql, e.parameters, e.max_rows, e.timeout_ms, e.require_share_context)"
            + " IS DISTINCT FROM (EXCLUDED.active, EXCLUDED.mode, EXCLUDED.sql, EXCLUDED.parameters, EXCLUDED.max_rows,"
            + " EXCLUDED.timeout_ms, EXCLUDED.require_share_context)";

    private static final String UPSERT_API_KEY = "INSERT INTO data_api.api_keys AS k (id, company_id, token_sha256,"
            + " permissions, share_context, expires_at, revoked)"
            + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, token_sha256 = EXCLUDED.token_sha256,"
            + " permissions = EXCLUDED.permissions, share_context = EXCLUDED.share_context,"
            + " expires_at = EXCLUDED.expires_at, revoked = EXCLUDED.revoked, updated_at = now()"
            + " WHERE (k.company_id, k.token_sha256, k.permissions, k.share_context, k.expires_at, k.revoked)"
            + " IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.token_sha256, EXCLUDED.permissions,"
            + " EXCLUDED.share_context, EXCLUDED.expires_at, EXCLUDED.revoked)";

    private CatalogWriter() {
    }

    static void upsert(Connection connection, Company company) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_COMPANY)) {
            statement.setString(1, company.id().value());
            statement.setString(2, company.name());
            statement.setString(3, company.webhookSecret().orElse(null));
            statement.executeUpdate();
        }
    }

    static void upsert(Connection connection, Endpoint endpoint) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_ENDPOINT)) {
            statement.setString(1, endpoint.company().value());
            statement.setString(2, endpoint.ref().namespace());
            statement.setString(3, endpoint.ref().slug());
            statement.setBoolean(4, endpoint.active());
            statement.setString(5, endpoint.mode().wireName());
            statement.setString(6, endpoint.sql());
            statement.setString(7, CatalogJson.parametersToJson(endpoint.parameters()));
            statement.setInt(8, endpoint.maxRows());
            statement.setLong(9, endpoint.timeout().toMillis());
            statement.setString(10, CatalogJson.namesToJson(endpoint.requireShareContext()));
            statement.executeUpdate();
        }
    }

    static void upsert(Connection connection, ApiKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_API_KEY)) {
            statement.setString(1, key.id());
            statement.setString(2, key.company().value());
            statement.setString(3, key.tokenSha256());
            statement.setArray(4, connection.createArrayOf("text",
                    key.permissions().stream().map(Permission::wireName).toArray()));
            statement.setString(5, CatalogJson.shareContextToJson(key.shareContext()));
            if (key.expiresAt().isPresent()) {
                statement.setObject(6, key.expiresAt().get().atOffset(ZoneOffset.UTC));
            } else {
                statement.setNull(6, Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz");
            }
            statement.setBoolean(7, key.revoked());
            statement.executeUpdate();
        }
    }
}
