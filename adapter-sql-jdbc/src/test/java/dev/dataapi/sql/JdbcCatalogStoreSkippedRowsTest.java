package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rows written by hand (psql, a script) that the domain refuses: each is left out with a warning
 * naming it, and everything else still loads, revocations included. Every test corrupts a
 * database of its own.
 */
class JdbcCatalogStoreSkippedRowsTest {
    private final DataSource database = EmbeddedPostgresSupport.freshDatabase();
    private final JdbcCatalogStore store = migrated(database);
    private final CapturedLog log = CapturedLog.of(JdbcCatalogStore.class.getName(), Level.INFO);

    private final Company acme = aCompany().build();
    private final Endpoint goodEndpoint = anEndpoint().withSlug("by-region").build();
    private final Endpoint brokenEndpoint = anEndpoint().withSlug("by-month").build();
    private final ApiKey goodKey = aKey().withId("partner").withToken(unique("good")).build();
    private final ApiKey brokenKey = aKey().withId("legacy").withToken(unique("broken")).build();

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void given_an_endpoint_and_a_key_broken_by_hand_when_loaded_then_the_rest_loads_and_each_broken_row_is_named_in_a_warning()
            throws SQLException {
        store.apply(new CatalogSnapshot(List.of(acme), List.of(goodEndpoint, brokenEndpoint), List.of(goodKey, brokenKey)));
        update("UPDATE data_api.endpoints SET parameters = '[{\"name\": \"region\", \"type\": \"strnig\"}]' WHERE slug = ?",
                "by-month");
        update("UPDATE data_api.api_keys SET share_context = '{\"regions\": []}' WHERE id = ?", "legacy");

        CatalogSnapshot loaded = store.load();

        assertThat(loaded.companies()).containsExactly(acme);
        assertThat(loaded.endpoints()).containsExactly(goodEndpoint);
        assertThat(loaded.apiKeys()).containsExactly(goodKey);
        List<String> warnings = log.messages(Level.WARNING);
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("endpoint sales/by-month of company acme").contains("strnig");
        assertThat(warnings.get(1)).contains("api key legacy of company acme").contains("share_context")
                .doesNotContain(brokenKey.tokenSha256().substring(0, 16));
    }

    @Test
    void given_a_broken_key_row_when_a_valid_key_is_revoked_by_hand_then_the_load_shows_it_revoked() throws SQLException {
        store.apply(new CatalogSnapshot(List.of(acme), List.of(goodEndpoint), List.of(goodKey, brokenKey)));
        update("UPDATE data_api.api_keys SET share_context = '{\"not-a-name\": \"x\"}' WHERE id = ?", "legacy");
        assertThat(store.load().apiKeys()).containsExactly(goodKey);

        update("UPDATE data_api.api_keys SET revoked = true WHERE id = ?", "partner");
        update("UPDATE data_api.api_keys SET revoked = true WHERE id = ?", "legacy");
        CatalogSnapshot loaded = store.load();

        assertThat(loaded.apiKeys()).singleElement().satisfies(key -> {
            assertThat(key.id()).isEqualTo("partner");
            assertThat(key.revoked()).isTrue();
        });
        assertThat(loaded.endpoints()).containsExactly(goodEndpoint);
    }

    @Test
    void given_a_company_row_the_domain_refuses_when_loaded_then_its_endpoints_and_keys_are_left_out_too()
            throws SQLException {
        Company other = aCompany().withId("globex").withName("Globex").build();
        Endpoint otherEndpoint = anEndpoint().withCompany("globex").build();
        ApiKey otherKey = aKey().withId("globex-partner").withCompany("globex").withToken(unique("globex")).build();
        store.apply(new CatalogSnapshot(List.of(acme, other), List.of(goodEndpoint, otherEndpoint),
                List.of(goodKey, otherKey)));
        // A tab passes the table's btrim check but is blank to the domain.
        update("UPDATE data_api.companies SET name = E'\\t' WHERE id = ?", "acme");

        CatalogSnapshot loaded = store.load();

        assertThat(loaded.companies()).containsExactly(other);
        assertThat(loaded.endpoints()).containsExactly(otherEndpoint);
        assertThat(loaded.apiKeys()).containsExactly(otherKey);
        assertThat(log.messages(Level.WARNING)).satisfiesExactly(
                company -> assertThat(company).contains("company acme").contains("'name'"),
                endpoint -> assertThat(endpoint).contains("endpoint sales/by-region of company acme")
                        .contains("company acme is skipped"),
                key -> assertThat(key).contains("api key partner of company acme").contains("company acme is skipped"));
    }

    @Test
    void given_a_row_that_stays_broken_when_the_catalog_reloads_then_it_is_warned_about_once_until_it_breaks_again()
            throws SQLException {
        store.apply(new CatalogSnapshot(List.of(acme), List.of(goodEndpoint, brokenEndpoint), List.of()));
        String broken = "UPDATE data_api.endpoints SET require_share_context = '[\"region\"]' WHERE slug = ?";
        update(broken, "by-month");

        store.load();
        store.load();
        assertThat(log.messages(Level.WARNING)).singleElement().asString().contains("'require_share_context'");

        store.apply(new CatalogSnapshot(List.of(), List.of(brokenEndpoint), List.of()));
        assertThat(store.load().endpoints()).contains(brokenEndpoint);
        update(broken, "by-month");
        store.load();

        assertThat(log.messages(Level.WARNING)).hasSize(2);
    }

    @Test
    void given_a_broken_row_of_a_pruned_company_when_applied_then_it_is_deleted_and_named_in_a_warning_not_returned()
            throws SQLException {
        store.apply(new CatalogSnapshot(List.of(acme), List.of(goodEndpoint, brokenEndpoint), List.of(goodKey, brokenKey)));
        update("UPDATE data_api.endpoints SET require_share_context = '[\"region\"]' WHERE slug = ?", "by-month");
        update("UPDATE data_api.api_keys SET share_context = '{\"regions\": []}' WHERE id = ?", "legacy");

        CatalogSnapshot deleted = store.apply(CatalogSnapshot.empty(), Set.of(acme.id()));
        CatalogSnapshot loaded = store.load();

        assertThat(deleted).isEqualTo(new CatalogSnapshot(List.of(), List.of(goodEndpoint), List.of(goodKey)));
        assertThat(loaded).isEqualTo(new CatalogSnapshot(List.of(acme), List.of(), List.of()));
        assertThat(log.messages(Level.WARNING)).satisfiesExactly(
                endpoint -> assertThat(endpoint).contains("pruned").contains("endpoint sales/by-month of company acme"),
                key -> assertThat(key).contains("pruned").contains("api key legacy of company acme")
                        .doesNotContain(brokenKey.tokenSha256().substring(0, 16)));
    }

    private void update(String sql, String id) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
        }
    }

    private static JdbcCatalogStore migrated(DataSource database) {
        CatalogMigrations.migrate(database);
        return new JdbcCatalogStore(database);
    }
}
