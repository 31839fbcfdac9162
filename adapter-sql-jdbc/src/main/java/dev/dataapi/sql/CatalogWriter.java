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
    private static final String UPSERT_COMPANY = "INSERT INTO data_api.companies AS c (id, name, webhook_secret,"
            + " previous_webhook_secret) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, webhook_secret = EXCLUDED.webhook_secret,"
            + " previous_webhook_secret = EXCLUDED.previous_webhook_secret, updated_at = now()"
            + " WHERE (c.name, c.webhook_secret, c.previous_webhook_secret)"
            + " IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.webhook_secret, EXCLUDED.previous_webhook_secret)";

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

    private static final String API_KEY_COLUMNS = "id, company_id, token_sha256, token_prefix, permissions, share_context,"
            + " namespaces, rate_limit_per_minute, rate_limit_burst, expires_at, revoked, previous_token_sha256,"
            + " previous_token_prefix, previous_token_until";
    private static final String API_KEY_VALUES = "?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?";

    // What an applied key may not undo (CatalogStore#apply, ApiKey#appliedOver): k is the stored row.
    // A key moved to another company never takes the stored token along (ApiKey#appliedOver).
    private static final String WRITTEN_BEFORE_ROTATION = "(k.company_id = EXCLUDED.company_id"
            + " AND (k.token_managed OR EXCLUDED.token_sha256 = k.previous_token_sha256))";
    private static final String MERGED_TOKEN_MANAGED = "(k.token_managed AND k.company_id = EXCLUDED.company_id)";
    private static final String KEEPS_STORED_PREVIOUS = "(" + WRITTEN_BEFORE_ROTATION
            + " OR (EXCLUDED.token_sha256 = k.token_sha256 AND EXCLUDED.previous_token_sha256 IS NULL))";
    private static final String MERGED_TOKEN = "CASE WHEN " + WRITTEN_BEFORE_ROTATION
            + " THEN k.token_sha256 ELSE EXCLUDED.token_sha256 END";
    private static final String MERGED_PREFIX = "CASE WHEN " + WRITTEN_BEFORE_ROTATION + " OR (EXCLUDED.token_sha256"
            + " = k.token_sha256 AND EXCLUDED.token_prefix IS NULL) THEN k.token_prefix ELSE EXCLUDED.token_prefix END";
    private static final String MERGED_REVOKED = "(k.revoked OR EXCLUDED.revoked)";

    private static final String MERGED_COLUMNS = "EXCLUDED.company_id, " + MERGED_TOKEN + ", " + MERGED_PREFIX
            + ", EXCLUDED.permissions, EXCLUDED.share_context, EXCLUDED.namespaces, EXCLUDED.rate_limit_per_minute,"
            + " EXCLUDED.rate_limit_burst, EXCLUDED.expires_at, " + MERGED_REVOKED + ", "
            + mergedPrevious("previous_token_sha256") + ", " + mergedPrevious("previous_token_prefix") + ", "
            + mergedPrevious("previous_token_until") + ", " + MERGED_TOKEN_MANAGED;
    private static final String STORED_COLUMNS = "k.company_id, k.token_sha256, k.token_prefix, k.permissions,"
            + " k.share_context, k.namespaces, k.rate_limit_per_minute, k.rate_limit_burst, k.expires_at, k.revoked,"
            + " k.previous_token_sha256, k.previous_token_prefix, k.previous_token_until, k.token_managed";
    private static final String UPDATED_COLUMNS = "company_id, token_sha256, token_prefix, permissions, share_context,"
            + " namespaces, rate_limit_per_minute, rate_limit_burst, expires_at, revoked, previous_token_sha256,"
            + " previous_token_prefix, previous_token_until, token_managed";

    // Row-value assignment: every merged expression reads the stored row as it was before the update.
    private static final String UPSERT_API_KEY = "INSERT INTO data_api.api_keys AS k (" + API_KEY_COLUMNS + ")"
            + " VALUES (" + API_KEY_VALUES + ")"
            + " ON CONFLICT (id) DO UPDATE SET (" + UPDATED_COLUMNS + ", updated_at) = (" + MERGED_COLUMNS + ", now())"
            + " WHERE (" + STORED_COLUMNS + ") IS DISTINCT FROM (" + MERGED_COLUMNS + ")";

    private static final String INSERT_API_KEY = "INSERT INTO data_api.api_keys AS k (" + API_KEY_COLUMNS
            + ", token_managed) VALUES (" + API_KEY_VALUES + ", true) ON CONFLICT (id) DO NOTHING";

    // Only the token columns: whatever an apply changed since the caller read the key stays.
    private static final String ROTATE_TOKEN = "UPDATE data_api.api_keys SET token_sha256 = ?, token_prefix = ?,"
            + " previous_token_sha256 = ?, previous_token_prefix = ?, previous_token_until = ?, token_managed = true,"
            + " updated_at = now() WHERE id = ? AND token_sha256 = ? AND NOT revoked";

    private CatalogWriter() {
    }

    private static String mergedPrevious(String column) {
        return "CASE WHEN " + KEEPS_STORED_PREVIOUS + " THEN k." + column + " ELSE EXCLUDED." + column + " END";
    }

    static void upsert(Connection connection, Company company) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(UPSERT_COMPANY)) {
            statement.setString(1, company.id().value());
            statement.setString(2, company.name());
            statement.setString(3, company.webhookSecret().orElse(null));
            statement.setString(4, company.previousWebhookSecret().orElse(null));
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
            bind(connection, statement, key);
            statement.executeUpdate();
        }
    }

    /** Inserts a new key; false when one with its id exists. */
    static boolean insert(Connection connection, ApiKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT_API_KEY)) {
            bind(connection, statement, key);
            return statement.executeUpdate() == 1;
        }
    }

    /** Gives a key a new token when its current token is still {@code expectedTokenSha256} and it is not revoked. */
    static boolean rotate(Connection connection, String keyId, String expectedTokenSha256, String newTokenSha256,
                          Optional<String> newPrefix, Optional<RetiringToken> previous) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(ROTATE_TOKEN)) {
            statement.setString(1, newTokenSha256);
            statement.setString(2, newPrefix.orElse(null));
            statement.setString(3, previous.map(RetiringToken::tokenSha256).orElse(null));
            statement.setString(4, previous.flatMap(RetiringToken::tokenPrefix).orElse(null));
            setInstant(statement, 5, previous.map(RetiringToken::until));
            statement.setString(6, keyId);
            statement.setString(7, expectedTokenSha256);
            return statement.executeUpdate() == 1;
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, ApiKey key) throws SQLException {
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
