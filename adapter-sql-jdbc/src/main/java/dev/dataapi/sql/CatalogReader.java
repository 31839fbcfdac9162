package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
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
                "SELECT id, name, webhook_secret FROM data_api.companies ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                String secret = rows.getString("webhook_secret");
                try {
                    companies.add(new Company(new CompanyId(id), rows.getString("name"), Optional.ofNullable(secret)));
                } catch (RuntimeException e) {
                    skippedCompanies.add(id);
                    skipped.accept(new SkippedRow("company " + id, reason(e, secret)));
                }
            }
        }
        return companies;
    }

    private static List<Endpoint> endpoints(Connection connection, Set<String> skippedCompanies,
                                            Consumer<SkippedRow> skipped) throws SQLException {
        List<Endpoint> endpoints = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT company_id, namespace, slug, active, mode, sql, parameters::text AS parameters, max_rows,"
                        + " timeout_ms, require_share_context::text AS require_share_context"
                        + " FROM data_api.endpoints ORDER BY company_id, namespace, slug");
             ResultSet rows = statement.executeQuery()) {
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
                    skipped.accept(new SkippedRow(name, reason(e, null)));
                }
            }
        }
        return endpoints;
    }

    private static List<ApiKey> apiKeys(Connection connection, Set<String> skippedCompanies,
                                        Consumer<SkippedRow> skipped) throws SQLException {
        List<ApiKey> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, company_id, token_sha256, permissions, share_context::text AS share_context, expires_at, revoked"
                        + " FROM data_api.api_keys ORDER BY company_id, id");
             ResultSet rows = statement.executeQuery()) {
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
                    skipped.accept(new SkippedRow(name, reason(e, rows.getString("token_sha256"))));
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

    private static String companySkipped(String company) {
        return "its company " + company + " is skipped";
    }

    /**
     * The domain's message, which names the field. The domain refuses with IllegalArgumentException,
     * but a hand-written value can trip other checks (a null inside a list, say); it concerns this
     * row either way. {@code secret} (a token hash, a webhook secret) is blanked should a message
     * ever quote it, since the reason goes to the log.
     */
    private static String reason(RuntimeException e, String secret) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return secret == null || secret.isEmpty() ? message : message.replace(secret, "***");
    }
}
