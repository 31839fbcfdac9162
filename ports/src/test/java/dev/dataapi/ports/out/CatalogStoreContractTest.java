package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CatalogStore} must do. Each adapter's test extends this class and supplies the
 * store. The tests here cover storing and replacing entries; those about the API keys' lifecycle
 * fields are inherited from {@link CatalogStoreApiKeyContract}, those about pruning from
 * {@link CatalogStorePruneContract}, and the rules for sharing a database are on
 * {@link CatalogStoreContractSupport}.
 */
public abstract class CatalogStoreContractTest extends CatalogStorePruneContract {

    @Test
    void given_a_new_store_when_loaded_then_it_holds_nothing() {
        assumeTrue(createdStoreIsEmpty(), "this store shares its storage with other tests");

        CatalogSnapshot loaded = store.load();

        assertThat(loaded.companies()).isEmpty();
        assertThat(loaded.endpoints()).isEmpty();
        assertThat(loaded.apiKeys()).isEmpty();
    }

    @Test
    void given_a_webhook_secret_rotation_when_the_previous_secret_is_dropped_then_only_the_new_secret_is_loaded() {
        String current = "whsec_c2Vjb25kLXNlY3JldC1mb3ItcmVjZWl2ZXJz";
        Company rotating = aCompany().withId(company).withWebhookSecret(current)
                .withPreviousWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").build();
        Company rotated = aCompany().withId(company).withWebhookSecret(current).build();

        store.apply(new CatalogSnapshot(List.of(rotating), List.of(), List.of()));
        assertThat(companies(store.load(), company)).containsExactly(rotating);
        store.apply(new CatalogSnapshot(List.of(rotated), List.of(), List.of()));

        assertThat(companies(store.load(), company)).containsExactly(rotated);
    }

    @Test
    void given_every_kind_of_entry_when_applied_then_load_returns_equal_records() {
        Company plain = aCompany().withId(company).withName("Plain Ltd").build();
        String signingId = unique("signing");
        Company signing = aCompany().withId(signingId).withName("Signing Ltd")
                .withWebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .withPreviousWebhookSecret("whsec_c2Vjb25kLXNlY3JldC1mb3ItcmVjZWl2ZXJz").build();
        Endpoint everyOption = endpointWithEveryParameterOption(company);
        Endpoint asyncInactive = anEndpoint().withCompany(signingId).withNamespace("reports").withSlug("monthly")
                .async().inactive().withMaxRows(250).withTimeout(Duration.ofSeconds(600))
                .withSql("SELECT * FROM sales WHERE month = :month")
                .withParameter(ParameterSpec.builder("month", ParameterType.scalar(ScalarType.DATE)).required(true).build())
                .build();
        ApiKey pinned = aKey().withId(unique("pinned")).withCompany(company).withToken(unique("token"))
                .withPermissions(Permission.EXECUTE, Permission.GET_JOB)
                .pinning("regions", List.of("Sul", "Norte"))
                .pinning("region", "Sul")
                .pinning("store_id", new BigDecimal("42"))
                .pinning("include_returns", Boolean.FALSE)
                .expiringAt(Instant.parse("2027-06-30T00:00:00Z"))
                .build();
        ApiKey revoked = aKey().withId(unique("revoked")).withCompany(signingId).withToken(unique("token"))
                .withPermissions(Permission.GET_JOB).revoked().build();
        ApiKey powerless = aKey().withId(unique("powerless")).withCompany(company).withToken(unique("token"))
                .withPermissions().build();

        store.apply(new CatalogSnapshot(List.of(plain, signing), List.of(everyOption, asyncInactive),
                List.of(pinned, revoked, powerless)));
        CatalogSnapshot loaded = store.load();

        assertThat(companies(loaded, company)).containsExactly(plain);
        assertThat(companies(loaded, signingId)).containsExactly(signing);
        assertThat(endpoints(loaded, everyOption)).containsExactly(everyOption);
        assertThat(endpoints(loaded, asyncInactive)).containsExactly(asyncInactive);
        assertThat(keys(loaded, pinned.id())).containsExactly(pinned);
        assertThat(keys(loaded, revoked.id())).containsExactly(revoked);
        assertThat(keys(loaded, powerless.id())).containsExactly(powerless);
    }

    @Test
    void given_stored_entries_when_applied_again_with_changes_then_they_are_replaced_not_duplicated() {
        Company original = aCompany().withId(company).withName("Before Ltd").build();
        Endpoint endpoint = anEndpoint().withCompany(company).withSql("SELECT 1")
                .withParameters(
                        ParameterSpec.builder("since", ParameterType.scalar(ScalarType.DATE)).defaultValue("2024-01-01").build(),
                        ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING)).build())
                .requiringShareContext("regions")
                .build();
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token"))
                .pinning("regions", List.of("Sul")).build();
        store.apply(new CatalogSnapshot(List.of(original), List.of(endpoint), List.of(key)));

        Company renamed = aCompany().withId(company).withName("After Ltd").build();
        Endpoint changed = anEndpoint().withCompany(company).withSql("SELECT 2").inactive()
                .withParameters(ParameterSpec.builder("since", ParameterType.scalar(ScalarType.DATE)).build())
                .build();
        ApiKey revokedKey = aKey().withId(key.id()).withCompany(company).withTokenSha256(key.tokenSha256())
                .revoked().build();
        store.apply(new CatalogSnapshot(List.of(renamed), List.of(changed), List.of(revokedKey)));
        CatalogSnapshot loaded = store.load();

        assertThat(companies(loaded, company)).containsExactly(renamed);
        assertThat(endpoints(loaded, changed)).containsExactly(changed);
        assertThat(keys(loaded, key.id())).containsExactly(revokedKey);
    }

    @Test
    void given_stored_entries_when_other_entries_are_applied_then_the_stored_ones_are_kept() {
        Company first = aCompany().withId(company).build();
        Endpoint byRegion = anEndpoint().withCompany(company).withSlug("by-region").build();
        ApiKey firstKey = aKey().withId(unique("first")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(first), List.of(byRegion), List.of(firstKey)));

        String otherId = unique("other");
        Company other = aCompany().withId(otherId).withName("Other Ltd").build();
        Endpoint byMonth = anEndpoint().withCompany(company).withSlug("by-month").build();
        ApiKey secondKey = aKey().withId(unique("second")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(other), List.of(byMonth), List.of(secondKey)));
        CatalogSnapshot loaded = store.load();

        assertThat(companies(loaded, company)).containsExactly(first);
        assertThat(companies(loaded, otherId)).containsExactly(other);
        assertThat(endpoints(loaded, byRegion)).containsExactly(byRegion);
        assertThat(endpoints(loaded, byMonth)).containsExactly(byMonth);
        assertThat(keys(loaded, firstKey.id())).containsExactly(firstKey);
        assertThat(keys(loaded, secondKey.id())).containsExactly(secondKey);
    }

    @Test
    void given_a_snapshot_when_applied_twice_then_each_entry_is_stored_once() {
        Company acme = aCompany().withId(company).build();
        Endpoint endpoint = endpointWithEveryParameterOption(company);
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token"))
                .pinning("region", "Sul").build();
        CatalogSnapshot snapshot = new CatalogSnapshot(List.of(acme), List.of(endpoint), List.of(key));

        store.apply(snapshot);
        store.apply(snapshot);
        CatalogSnapshot loaded = store.load();

        assertThat(companies(loaded, company)).containsExactly(acme);
        assertThat(endpoints(loaded, endpoint)).containsExactly(endpoint);
        assertThat(keys(loaded, key.id())).containsExactly(key);
    }

    @Test
    void given_a_stored_company_when_only_its_endpoints_and_keys_are_applied_then_they_are_stored() {
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of()));
        Endpoint endpoint = anEndpoint().withCompany(company).build();
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token")).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(endpoint), List.of(key)));
        CatalogSnapshot loaded = store.load();

        assertThat(endpoints(loaded, endpoint)).containsExactly(endpoint);
        assertThat(keys(loaded, key.id())).containsExactly(key);
    }

    @Test
    void given_an_entry_of_an_unknown_company_when_applied_then_nothing_of_the_snapshot_is_stored() {
        Company acme = aCompany().withId(company).build();
        String missing = unique("missing");
        Endpoint valid = anEndpoint().withCompany(company).build();
        Endpoint orphan = anEndpoint().withCompany(missing).build();
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token")).build();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(acme), List.of(valid, orphan), List.of(key))))
                .isInstanceOf(RuntimeException.class);
        CatalogSnapshot loaded = store.load();

        assertThat(companies(loaded, company)).isEmpty();
        assertThat(endpoints(loaded, valid)).isEmpty();
        assertThat(keys(loaded, key.id())).isEmpty();
    }

    /** An endpoint that uses every parameter type and every parameter option at least once. */
    protected static Endpoint endpointWithEveryParameterOption(String company) {
        return anEndpoint().withCompany(company).withNamespace("sales").withSlug("every-option")
                .withMaxRows(500).withTimeout(Duration.ofSeconds(30))
                .withSql("SELECT region, sum(amount) FROM sales WHERE month >= :since AND region = ANY(:regions)"
                        + " AND store_id = :store_id GROUP BY 1")
                .withParameters(
                        ParameterSpec.builder("name", ParameterType.scalar(ScalarType.STRING))
                                .maxLength(40).defaultValue("anyone").build(),
                        ParameterSpec.builder("store_id", ParameterType.scalar(ScalarType.INTEGER))
                                .required(true).min(1L).max(9_999L).allowedValues(List.of(42L, 7L)).build(),
                        ParameterSpec.builder("ratio", ParameterType.scalar(ScalarType.NUMBER))
                                .min(new BigDecimal("0.5")).max(new BigDecimal("99.25")).defaultValue(new BigDecimal("2.5")).build(),
                        ParameterSpec.builder("include_returns", ParameterType.scalar(ScalarType.BOOLEAN))
                                .defaultValue(Boolean.TRUE).build(),
                        ParameterSpec.builder("since", ParameterType.scalar(ScalarType.DATE))
                                .min("2020-01-01").max("2030-12-31").defaultValue("2024-01-01").build(),
                        ParameterSpec.builder("as_of", ParameterType.scalar(ScalarType.TIMESTAMP))
                                .min("2020-01-01T00:00:00Z").build(),
                        ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
                                .allowedValues(List.of("Norte", "Sul")).maxItems(2).maxLength(10)
                                .defaultValue(List.of("Sul")).build(),
                        ParameterSpec.builder("store_ids", ParameterType.listOf(ScalarType.INTEGER))
                                .min(1L).maxItems(10).build(),
                        ParameterSpec.builder("ratios", ParameterType.listOf(ScalarType.NUMBER)).build(),
                        ParameterSpec.builder("flags", ParameterType.listOf(ScalarType.BOOLEAN)).build(),
                        ParameterSpec.builder("days", ParameterType.listOf(ScalarType.DATE))
                                .defaultValue(List.of("2024-01-01", "2024-02-01")).build(),
                        ParameterSpec.builder("moments", ParameterType.listOf(ScalarType.TIMESTAMP)).build())
                .requiringShareContext("regions", "store_id")
                .build();
    }
}
