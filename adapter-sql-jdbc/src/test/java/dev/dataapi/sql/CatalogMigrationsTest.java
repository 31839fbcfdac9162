package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
                + " VALUES ('k', '%s', repeat('a', 64), '[]')"
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
