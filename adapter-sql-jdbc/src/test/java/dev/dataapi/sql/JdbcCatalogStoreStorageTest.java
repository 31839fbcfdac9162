package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the catalog contract leaves to each store: exact values, change tracking, clear refusals. */
class JdbcCatalogStoreStorageTest {
    private final JdbcCatalogStore store = new JdbcCatalogStore(EmbeddedPostgresSupport.dataSource());
    private final String company = unique("co");

    @Test
    void given_numbers_with_trailing_zeros_and_many_digits_when_stored_then_they_come_back_exactly() {
        Endpoint endpoint = anEndpoint().withCompany(company)
                .withParameter(ParameterSpec.builder("ratio", ParameterType.scalar(ScalarType.NUMBER))
                        .min(new BigDecimal("0.10")).max(new BigDecimal("12345678901234567890.123456789"))
                        .defaultValue(new BigDecimal("10.0")).build())
                .withParameter(ParameterSpec.builder("big", ParameterType.scalar(ScalarType.INTEGER))
                        .max(Long.MAX_VALUE).build())
                .build();
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token"))
                .pinning("ratio", new BigDecimal("1.50")).build();

        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(endpoint), List.of(key)));
        CatalogSnapshot loaded = store.load();

        assertThat(loaded.endpoints()).contains(endpoint);
        assertThat(loaded.apiKeys()).contains(key);
    }

    @Test
    void given_an_unchanged_entry_when_applied_again_then_it_is_not_marked_updated() throws SQLException {
        Endpoint endpoint = anEndpoint().withCompany(company).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(endpoint), List.of()));
        OffsetDateTime first = endpointUpdatedAt();

        store.apply(new CatalogSnapshot(List.of(), List.of(endpoint), List.of()));
        OffsetDateTime unchanged = endpointUpdatedAt();
        store.apply(new CatalogSnapshot(List.of(), List.of(anEndpoint().withCompany(company).withSql("SELECT 2").build()),
                List.of()));
        OffsetDateTime changed = endpointUpdatedAt();

        assertThat(unchanged).isEqualTo(first);
        assertThat(changed).isAfter(first);
    }

    @Test
    void given_two_keys_with_the_same_token_when_applied_then_refused_naming_the_key_and_nothing_is_stored() {
        String token = unique("token");
        ApiKey first = aKey().withId(unique("first")).withCompany(company).withToken(token).build();
        ApiKey second = aKey().withId(unique("second")).withCompany(company).withToken(token).build();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(),
                List.of(first, second))))
                .isInstanceOf(CatalogStoreException.class)
                .hasMessageContaining("api key " + second.id())
                .hasMessageContaining("api_keys_token_sha256_unique");
        assertThat(store.load().companies()).noneMatch(c -> c.id().value().equals(company));
    }

    @Test
    void given_instants_with_nanoseconds_when_stored_then_they_come_back_to_the_microsecond_never_rounded_up() {
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token"))
                .expiringAt(Instant.parse("2027-06-30T23:59:59.999999999Z"))
                .withPreviousToken(unique("old"), Instant.parse("2026-07-01T12:00:00.123456789Z"))
                .build();

        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(key)));
        ApiKey stored = store.load().apiKeys().stream().filter(k -> k.id().equals(key.id())).findFirst().orElseThrow();

        assertThat(stored.expiresAt()).contains(Instant.parse("2027-06-30T23:59:59.999999Z"));
        assertThat(stored.previousToken().orElseThrow().until()).isEqualTo(Instant.parse("2026-07-01T12:00:00.123456Z"));
    }

    @Test
    void given_an_unchanged_key_with_every_lifecycle_field_when_applied_again_then_it_is_not_marked_updated()
            throws SQLException {
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token"))
                .withTokenPrefix("dak_x").reaching("sales", "ops")
                .limitedTo(60, 5).withPreviousToken(unique("old"), Instant.parse("2026-07-01T12:00:00.123456789Z"))
                .build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(key)));
        OffsetDateTime first = keyUpdatedAt(key.id());

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(key)));
        OffsetDateTime unchanged = keyUpdatedAt(key.id());
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(aKey().withId(key.id()).withCompany(company)
                .withTokenSha256(key.tokenSha256()).withTokenPrefix("dak_x").reaching("sales").limitedTo(60, 5).build())));
        OffsetDateTime changed = keyUpdatedAt(key.id());

        assertThat(unchanged).isEqualTo(first);
        assertThat(changed).isAfter(first);
    }

    private OffsetDateTime keyUpdatedAt(String id) throws SQLException {
        try (Connection connection = EmbeddedPostgresSupport.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT updated_at FROM data_api.api_keys WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class);
            }
        }
    }

    private OffsetDateTime endpointUpdatedAt() throws SQLException {
        try (Connection connection = EmbeddedPostgresSupport.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT updated_at FROM data_api.endpoints WHERE company_id = ?")) {
            statement.setString(1, company);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, OffsetDateTime.class);
            }
        }
    }
}
