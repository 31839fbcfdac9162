package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RetiringToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

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
            + " token_prefix, permissions, share_context, namespaces, rate_limit_per_minute, rate_limit_burst, expires_at,"
            + " revoked, previous_token_sha256, previous_token_prefix, previous_token_until)"
            + " VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET company_id = EXCLUDED.company_id, token_sha256 = EXCLUDED.token_sha256,"
            + " token_prefix = EXCLUDED.token_prefix, permissions = EXCLUDED.permissions,"
            + " share_context = EXCLUDED.share_context, namespaces = EXCLUDED.namespaces,"
            + " rate_limit_per_minute = EXCLUDED.rate_limit_per_minute, rate_limit_burst = EXCLUDED.rate_limit_burst,"
            + " expires_at = EXCLUDED.expires_at, revoked = EXCLUDED.revoked,"
            + " previous_token_sha256 = EXCLUDED.previous_token_sha256,"
            + " previous_token_prefix = EXCLUDED.previous_token_prefix,"
            + " previous_token_until = EXCLUDED.previous_token_until, updated_at = now()"
            + " WHERE (k.company_id, k.token_sha256, k.token_prefix, k.permissions, k.share_context, k.namespaces,"
            + " k.rate_limit_per_minute, k.rate_limit_burst, k.expires_at, k.revoked, k.previous_token_sha256,"
            + " k.previous_token_prefix, k.previous_token_until)"
            + " IS DISTINCT FROM (EXCLUDED.company_id, EXCLUDED.token_sha256, EXCLUDED.token_prefix, EXCLUDED.permissions,"
            + " EXCLUDED.share_context, EXCLUDED.namespaces, EXCLUDED.rate_limit_per_minute, EXCLUDED.rate_limit_burst,"
            + " EXCLUDED.expires_at, EXCLUDED.revoked, EXCLUDED.previous_token_sha256, EXCLUDED.previous_token_prefix,"
            + " EXCLUDED.previous_token_until)";

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
            statement.setString(4, key.tokenPrefix().orElse(null));
            statement.setArray(5, connection.createArrayOf("text",
                    key.permissions().stream().map(Permission::wireName).toArray()));
            statement.setString(6, CatalogJson.shareContextToJson(key.shareContext()));
            // The record keeps namespaces sorted, so an unchanged scope compares equal to the stored one.
            statement.setArray(7, connection.createArrayOf("text", key.namespaces().toArray()));
            if (key.rateLimit().isPresent()) {
                statement.setInt(8, key.rateLimit().get().requestsPerMinute());
                statement.setInt(9, key.rateLimit().get().burst());
            } else {
                statement.setNull(8, Types.INTEGER);
                statement.setNull(9, Types.INTEGER);
            }
            setInstant(statement, 10, key.expiresAt());
            statement.setBoolean(11, key.revoked());
            Optional<RetiringToken> previous = key.previousToken();
            statement.setString(12, previous.map(RetiringToken::tokenSha256).orElse(null));
            statement.setString(13, previous.flatMap(RetiringToken::tokenPrefix).orElse(null));
            setInstant(statement, 14, previous.map(RetiringToken::until));
            statement.executeUpdate();
        }
    }

    /** An expiry or the end of a token's overlap may come a microsecond early, never late (see {@link Timestamps}). */
    private static void setInstant(PreparedStatement statement, int index, Optional<Instant> instant)
            throws SQLException {
        if (instant.isPresent()) {
            statement.setObject(index, Timestamps.stored(instant.get()).atOffset(ZoneOffset.UTC));
        } else {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE, "timestamptz");
        }
    }
}
