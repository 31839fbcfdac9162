package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rebuilds the catalog's domain records from its tables. A row the domain refuses (someone wrote
 * the table by hand, bypassing apply) is left out and reported, so one bad row cannot keep every
 * other change, a revocation above all, from being loaded. A skipped key cannot authenticate, which
 * is the safe outcome; a skipped company takes its endpoints and keys with it.
 */
final class CatalogReader {
    /** The endpoint columns {@link #endpoints(ResultSet, Set, Consumer)} reads, for a SELECT or a RETURNING. */
    static final String ENDPOINT_COLUMNS = "company_id, namespace, slug, active, mode, sql, parameters::text AS parameters,"
            + " max_rows, timeout_ms, require_share_context::text AS require_share_context";
    /** The API key columns {@link #apiKeys(ResultSet, Set, Consumer)} reads, for a SELECT or a RETURNING. */
    static final String API_KEY_COLUMNS = "id, company_id, token_sha256, token_prefix, permissions,"
            + " share_context::text AS share_context, namespaces, rate_limit_per_minute, rate_limit_burst, expires_at,"
            + " revoked, previous_token_sha256, previous_token_prefix, previous_token_until";

    private CatalogReader() {
    }

    /** Reads all three tables on {@code connection}; each row left out goes to {@code skipped}. */
    static CatalogSnapshot read(Connection connection, Consumer<SkippedRow> skipped) throws SQLException {
        Set<String> skippedCompanies = new HashSet<>();
        List<Company> companies = companies(connection, skippedCompanies, skipped);
        return new CatalogSnapshot(companies, endpoints(connection, skippedCompanies, skipped),
                apiKeys(connection, skippedCompanies, skipped));
    }

    private static List<Company> companies(Connection connection, Set<String> skippedCompanies,
                                           Consumer<SkippedRow> skipped) throws SQLException {
        List<Company> companies = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, name, webhook_secret, previous_webhook_secret FROM data_api.companies ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                String secret = rows.getString("webhook_secret");
                String previous = rows.getString("previous_webhook_secret");
                try {
                    companies.add(new Company(new CompanyId(id), rows.getString("name"), Optional.ofNullable(secret),
                            Optional.ofNullable(previous)));
                } catch (RuntimeException e) {
                    skippedCompanies.add(id);
                    skipped.accept(new SkippedRow("company " + id, reason(e, secret, previous)));
                }
            }
        }
        return companies;
    }

    private static List<Endpoint> endpoints(Connection connection, Set<String> skippedCompanies,
                                            Consumer<SkippedRow> skipped) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + ENDPOINT_COLUMNS
                + " FROM data_api.endpoints ORDER BY company_id, namespace, slug");
             ResultSet rows = statement.executeQuery()) {
            return endpoints(rows, skippedCompanies, skipped);
        }
    }

    /** The endpoints of {@code rows} (holding {@link #ENDPOINT_COLUMNS}), in order; each row left out goes to {@code skipped}. */
    static List<Endpoint> endpoints(ResultSet rows, Set<String> skippedCompanies, Consumer<SkippedRow> skipped)
            throws SQLException {
        List<Endpoint> endpoints = new ArrayList<>();
        while (rows.next()) {
            String company = rows.getString("company_id");
            String name = "endpoint " + rows.getString("namespace") + "/" + rows.getString("slug") + " of company " + company;
            if (skippedCompanies.contains(company)) {
                skipped.accept(new SkippedRow(name, companySkipped(company)));
                continue;
            }
            try {
                endpoints.add(endpoint(rows));
            } catch (RuntimeException e) {
                skipped.accept(new SkippedRow(name, reason(e)));
            }
        }
        return endpoints;
    }

    private static List<ApiKey> apiKeys(Connection connection, Set<String> skippedCompanies,
                                        Consumer<SkippedRow> skipped) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + API_KEY_COLUMNS
                + " FROM data_api.api_keys ORDER BY company_id, id");
             ResultSet rows = statement.executeQuery()) {
            return apiKeys(rows, skippedCompanies, skipped);
        }
    }

    /** The API keys of {@code rows} (holding {@link #API_KEY_COLUMNS}), in order; each row left out goes to {@code skipped}. */
    static List<ApiKey> apiKeys(ResultSet rows, Set<String> skippedCompanies, Consumer<SkippedRow> skipped)
            throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        while (rows.next()) {
            String company = rows.getString("company_id");
            String name = "api key " + rows.getString("id") + " of company " + company;
            if (skippedCompanies.contains(company)) {
                skipped.accept(new SkippedRow(name, companySkipped(company)));
                continue;
            }
            try {
                keys.add(apiKey(rows));
            } catch (RuntimeException e) {
                skipped.accept(new SkippedRow(name, reason(e, rows.getString("token_sha256"),
                        rows.getString("previous_token_sha256"))));
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
        String id = rows.getString("id");
        return new ApiKey(
                id,
                new CompanyId(rows.getString("company_id")),
                rows.getString("token_sha256"),
                Optional.ofNullable(rows.getString("token_prefix")),
                permissions(rows.getArray("permissions")),
                CatalogJson.shareContextFromJson(rows.getString("share_context")),
                namespaces(rows.getArray("namespaces")),
                rateLimit(rows),
                instant(rows, "expires_at"),
                rows.getBoolean("revoked"),
                previousToken(rows));
    }

    private static Optional<RateLimit> rateLimit(ResultSet rows) throws SQLException {
        Integer perMinute = rows.getObject("rate_limit_per_minute", Integer.class);
        Integer burst = rows.getObject("rate_limit_burst", Integer.class);
        if (perMinute == null && burst == null) {
            return Optional.empty();
        }
        if (perMinute == null || burst == null) {
            throw new IllegalArgumentException("'rate_limit' needs both 'requests_per_minute' and 'burst'");
        }
        return Optional.of(new RateLimit(perMinute, burst));
    }

    private static Optional<RetiringToken> previousToken(ResultSet rows) throws SQLException {
        String sha256 = rows.getString("previous_token_sha256");
        Optional<Instant> until = instant(rows, "previous_token_until");
        if (sha256 == null && until.isEmpty()) {
            return Optional.empty();
        }
        if (until.isEmpty()) {
            throw new IllegalArgumentException("'previous_token.until' is required");
        }
        return Optional.of(new RetiringToken(sha256, Optional.ofNullable(rows.getString("previous_token_prefix")),
                until.get()));
    }

    private static Optional<Instant> instant(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }

    private static Set<String> namespaces(Array array) throws SQLException {
        Set<String> namespaces = new HashSet<>();
        try {
            for (Object name : (Object[]) array.getArray()) {
                namespaces.add((String) name);
            }
        } finally {
            array.free();
        }
        return namespaces;
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

    private static String companySkipped(String company) {
        return "its company " + company + " is skipped";
    }

    /**
     * The domain's message, which names the field. The domain refuses with IllegalArgumentException,
     * but a hand-written value can trip other checks (a null inside a list, say); it concerns this
     * row either way. {@code secrets} (token hashes, a webhook secret) are blanked should a message
     * ever quote them, since the reason goes to the log.
     */
    private static String reason(RuntimeException e, String... secrets) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                message = message.replace(secret, "***");
            }
        }
        return message;
    }
}
