package dev.dataapi.sql;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.KeyUsageStore;
import dev.dataapi.ports.out.KeyUsageStoreContractTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key usage contract against the shared embedded PostgreSQL, and what it keeps of an instant. */
class JdbcKeyUsageStoreTest extends KeyUsageStoreContractTest {

    @Override
    protected CatalogStore createCatalog() {
        return new JdbcCatalogStore(EmbeddedPostgresSupport.dataSource());
    }

    @Override
    protected KeyUsageStore createUsage(CatalogStore catalog) {
        return new JdbcKeyUsageStore(EmbeddedPostgresSupport.dataSource());
    }

    @Test
    void given_a_use_with_nanoseconds_when_recorded_then_it_is_kept_to_the_microsecond_never_rounded_up() {
        String company = unique("usage");
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token")).build();
        new JdbcCatalogStore(EmbeddedPostgresSupport.dataSource()).apply(
                new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(key)));
        JdbcKeyUsageStore usage = new JdbcKeyUsageStore(EmbeddedPostgresSupport.dataSource());

        usage.recordLastUsed(Map.of(key.id(), Instant.parse("2026-03-01T10:15:30.999999999Z")));

        assertThat(usage.lastUsed()).containsEntry(key.id(), Instant.parse("2026-03-01T10:15:30.999999Z"));
    }
}
