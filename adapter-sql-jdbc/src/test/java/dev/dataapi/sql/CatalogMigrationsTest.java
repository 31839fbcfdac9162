package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static dev.dataapi.ports.fixtures.Fixtures.sha256Hex;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.fixtures.ApiKeyBuilder;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema: created from nothing, idempotent, and guarding its invariants against other writers. */
class CatalogMigrationsTest {

    @Test
    void given_an_empty_database_when_migrated_then_the_catalog_exists_and_is_empty() {
        DataSource database = EmbeddedPostgresSupport.freshDatabase();

        CatalogMigrations.migrate(database);
        CatalogSnapshot loaded = new JdbcCatalogStore(database).load();

        assertThat(loaded).isEqualTo(CatalogSnapshot.empty());
    }

    @Test
    void given_a_migrated_database_with_data_when_migrated_again_then_nothing_changes() {
        DataSource database = EmbeddedPostgresSupport.freshDatabase();
        CatalogMigrations.migrate(database);
        JdbcCatalogStore store = new JdbcCatalogStore(database);
        CatalogSnapshot snapshot = new CatalogSnapshot(List.of(aCompany().build()), List.of(anEndpoint().build()),
                List.of(aKey().build()));
        store.apply(snapshot);

        CatalogMigrations.migrate(database);

        assertThat(store.load()).isEqualTo(snapshot);
    }

    @Test
    void given_a_migrated_database_when_inspected_then_the_history_lives_in_the_catalog_schema() throws SQLException {
        DataSource database = EmbeddedPostgresSupport.freshDatabase();

        CatalogMigrations.migrate(database);

        assertThat(query(database, "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables"
                + " WHERE table_schema = 'data_api'")).isEqualTo("api_keys,companies,endpoints,flyway_schema_history");
        assertThat(query(database, "SELECT count(*)::text FROM information_schema.tables WHERE table_schema = 'public'"))
                .isEqualTo("0");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "INSERT INTO data_api.companies (id, name) VALUES ('Not_Kebab', 'x')",
        "INSERT INTO data_api.companies (id, name) VALUES ('%s', ' ')",
        "INSERT INTO data_api.companies (id, name, webhook_secret) VALUES ('%s', 'x', 'plain-secret')",
        "INSERT INTO data_api.companies (id, name, previous_webhook_secret)"
                + " VALUES ('%s', 'x', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')",
        "INSERT INTO data_api.companies (id, name, webhook_secret, previous_webhook_secret)"
                + " VALUES ('%s', 'x', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw')",
        "INSERT INTO data_api.companies (id, name, webhook_secret, previous_webhook_secret)"
                + " VALUES ('%s', 'x', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'plain-secret')",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms, max_rows)"
                + " VALUES ('%s', 'sales', 'x', 'sync', 'SELECT 1', 1000, 0)",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms, max_rows)"
                + " VALUES ('%s', 'sales', 'x', 'sync', 'SELECT 1', 1000, 10001)",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms)"
                + " VALUES ('%s', 'Sales', 'x', 'sync', 'SELECT 1', 1000)",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms)"
                + " VALUES ('%s', 'sales', 'x--y', 'sync', 'SELECT 1', 1000)",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms)"
                + " VALUES ('%s', 'sales', 'x', 'hybrid', 'SELECT 1', 1000)",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms)"
                + " VALUES ('%s', 'sales', 'x', 'sync', 'SELECT 1', 61000)",
        "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms, parameters)"
                + " VALUES ('%s', 'sales', 'x', 'sync', 'SELECT 1', 1000, '{}')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256) VALUES ('k', '%s', 'ABC')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, permissions)"
                + " VALUES ('k', '%s', repeat('a', 64), '{data_api:admin}')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, share_context)"
                + " VALUES ('k', '%s', repeat('a', 64), '[]')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, token_prefix) VALUES ('k', '%s', repeat('a', 64), 'dak-1')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, token_prefix) VALUES ('k', '%s', repeat('a', 64), '')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, token_prefix)"
                + " VALUES ('k', '%s', repeat('a', 64), repeat('a', 17))",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, namespaces) VALUES ('k', '%s', repeat('a', 64), '{Sales}')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, namespaces)"
                + " VALUES ('k', '%s', repeat('a', 64), '{sales,NULL}')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, namespaces)"
                + " VALUES ('k', '%s', repeat('a', 64), '{\"sales,ops\"}')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, namespaces)"
                + " VALUES ('k', '%s', repeat('a', 64), '{{sales},{ops}}')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, namespaces)"
                + " VALUES ('k', '%s', repeat('a', 64), ARRAY[repeat('a', 65)])",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, rate_limit_burst)"
                + " VALUES ('k', '%s', repeat('a', 64), 10)",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, rate_limit_per_minute)"
                + " VALUES ('k', '%s', repeat('a', 64), 10)",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, rate_limit_per_minute, rate_limit_burst)"
                + " VALUES ('k', '%s', repeat('a', 64), 0, 1)",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, rate_limit_per_minute, rate_limit_burst)"
                + " VALUES ('k', '%s', repeat('a', 64), 60, 0)",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, previous_token_sha256)"
                + " VALUES ('k', '%s', repeat('a', 64), repeat('b', 64))",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, previous_token_until)"
                + " VALUES ('k', '%s', repeat('a', 64), now())",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, previous_token_sha256, previous_token_until)"
                + " VALUES ('k', '%s', repeat('a', 64), repeat('B', 64), now())",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, previous_token_sha256, previous_token_until)"
                + " VALUES ('k', '%s', repeat('a', 64), repeat('a', 64), now())",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, previous_token_prefix)"
                + " VALUES ('k', '%s', repeat('a', 64), 'dak_1')",
        "INSERT INTO data_api.api_keys (id, company_id, token_sha256, previous_token_sha256, previous_token_until,"
                + " previous_token_prefix) VALUES ('k', '%s', repeat('a', 64), repeat('b', 64), now(), 'dak 1')"
    })
    void given_a_row_breaking_an_invariant_when_written_directly_then_the_database_refuses_it(String insert)
            throws SQLException {
        String company = unique("co");
        new JdbcCatalogStore(EmbeddedPostgresSupport.dataSource())
                .apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of()));

        assertThatThrownBy(() -> execute(EmbeddedPostgresSupport.dataSource(), String.format(insert, company)))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    }

    @Test
    void given_a_valid_row_written_directly_when_loaded_then_the_defaults_make_it_a_valid_endpoint() throws SQLException {
        DataSource database = EmbeddedPostgresSupport.freshDatabase();
        CatalogMigrations.migrate(database);
        execute(database, "INSERT INTO data_api.companies (id, name) VALUES ('acme', 'Acme Ltd')");
        execute(database, "INSERT INTO data_api.endpoints (company_id, namespace, slug, mode, sql, timeout_ms)"
                + " VALUES ('acme', 'sales', 'by-region', 'sync', 'SELECT 1', 60000)");

        assertThat(new JdbcCatalogStore(database).load().endpoints()).containsExactly(anEndpoint().build());
    }

    @Test
    void given_a_key_row_with_every_lifecycle_column_written_directly_when_loaded_then_it_is_that_key()
            throws SQLException {
        DataSource database = EmbeddedPostgresSupport.freshDatabase();
        CatalogMigrations.migrate(database);
        execute(database, "INSERT INTO data_api.companies (id, name) VALUES ('acme', 'Acme Ltd')");
        execute(database, "INSERT INTO data_api.api_keys (id, company_id, token_sha256, token_prefix, permissions,"
                + " namespaces, rate_limit_per_minute, rate_limit_burst, previous_token_sha256, previous_token_prefix,"
                + " previous_token_until) VALUES ('acme-partner', 'acme', '" + sha256Hex(ApiKeyBuilder.DEFAULT_TOKEN) + "',"
                + " 'dak_new', '{data_api:execute}', '{sales,ops}', 120, 20, '" + sha256Hex("old") + "', 'dak_old',"
                + " '2026-07-01 09:30:00.5-03')");
        ApiKey expected = aKey().reaching("ops", "sales").limitedTo(120, 20).build()
                .withToken(sha256Hex(ApiKeyBuilder.DEFAULT_TOKEN), Optional.of("dak_new"), Optional.of(
                        new RetiringToken(sha256Hex("old"), Optional.of("dak_old"), Instant.parse("2026-07-01T12:30:00.5Z"))));

        assertThat(new JdbcCatalogStore(database).load().apiKeys()).containsExactly(expected);
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
