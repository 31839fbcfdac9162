package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link CatalogStoreContractTest} about {@code apply} with pruning: the endpoints
 * and API keys of each pruned company that the applied catalog does not name are deleted in the
 * same all-or-nothing write, exactly those are returned, and nothing else is touched: not other
 * companies, not the companies themselves.
 */
public abstract class CatalogStorePruneContract extends CatalogStoreKeyWriteContract {

    @Test
    void given_a_pruned_company_when_applied_then_exactly_its_unlisted_endpoints_and_keys_are_deleted_and_returned() {
        Endpoint listed = anEndpoint().withCompany(company).withSlug("listed").build();
        Endpoint unlisted = anEndpoint().withCompany(company).withSlug("unlisted").inactive().build();
        Endpoint otherNamespace = anEndpoint().withCompany(company).withNamespace("finance").withSlug("listed").build();
        ApiKey listedKey = aKey().withId(unique("listed")).withCompany(company).withToken(unique("token")).build();
        ApiKey unlistedKey = aKey().withId(unique("unlisted")).withCompany(company).withToken(unique("token"))
                .withTokenPrefix("dak_x1").reaching("sales").limitedTo(60, 5)
                .withPreviousToken(unique("old"), Instant.parse("2026-07-01T00:00:00Z")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()),
                List.of(listed, unlisted, otherNamespace), List.of(listedKey, unlistedKey)));

        CatalogSnapshot deleted = store.apply(
                new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(listed), List.of(listedKey)),
                Set.of(new CompanyId(company)));
        CatalogSnapshot loaded = store.load();

        assertThat(deleted.companies()).isEmpty();
        assertThat(deleted.endpoints()).containsExactlyInAnyOrder(unlisted, otherNamespace);
        assertThat(deleted.apiKeys()).containsExactly(unlistedKey);
        assertThat(companies(loaded, company)).hasSize(1);
        assertThat(endpointsOf(loaded, company)).containsExactly(listed);
        assertThat(keysOf(loaded, company)).containsExactly(listedKey);
    }

    @Test
    void given_a_pruned_company_when_applied_then_other_companies_keep_everything() {
        String other = unique("other");
        Endpoint mine = anEndpoint().withCompany(company).build();
        Endpoint theirs = anEndpoint().withCompany(other).build();
        ApiKey myKey = aKey().withId(unique("mine")).withCompany(company).withToken(unique("token")).build();
        ApiKey theirKey = aKey().withId(unique("theirs")).withCompany(other).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build(), aCompany().withId(other).build()),
                List.of(mine, theirs), List.of(myKey, theirKey)));

        CatalogSnapshot deleted = store.apply(CatalogSnapshot.empty(), Set.of(new CompanyId(company)));
        CatalogSnapshot loaded = store.load();

        assertThat(deleted).isEqualTo(new CatalogSnapshot(List.of(), List.of(mine), List.of(myKey)));
        assertThat(companies(loaded, company)).as("a pruned company itself is kept").hasSize(1);
        assertThat(endpointsOf(loaded, company)).isEmpty();
        assertThat(keysOf(loaded, company)).isEmpty();
        assertThat(endpointsOf(loaded, other)).containsExactly(theirs);
        assertThat(keysOf(loaded, other)).containsExactly(theirKey);
    }

    @Test
    void given_no_pruned_company_when_applied_then_nothing_is_deleted() {
        Endpoint stored = anEndpoint().withCompany(company).withSlug("stored").build();
        ApiKey storedKey = aKey().withId(unique("stored")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(stored), List.of(storedKey)));
        Endpoint added = anEndpoint().withCompany(company).withSlug("added").build();

        CatalogSnapshot deleted = store.apply(new CatalogSnapshot(List.of(), List.of(added), List.of()), Set.of());
        store.apply(CatalogSnapshot.empty());
        CatalogSnapshot loaded = store.load();

        assertThat(deleted).isEqualTo(CatalogSnapshot.empty());
        assertThat(endpointsOf(loaded, company)).containsExactlyInAnyOrder(stored, added);
        assertThat(keysOf(loaded, company)).containsExactly(storedKey);
    }

    @Test
    void given_another_companys_endpoint_at_the_same_address_when_listed_then_it_does_not_keep_the_pruned_ones() {
        String other = unique("other");
        Endpoint mine = anEndpoint().withCompany(company).withSlug("by-region").build();
        Endpoint theirs = anEndpoint().withCompany(other).withSlug("by-region").build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build(), aCompany().withId(other).build()),
                List.of(mine), List.of()));

        CatalogSnapshot deleted = store.apply(new CatalogSnapshot(List.of(), List.of(theirs), List.of()),
                Set.of(new CompanyId(company)));
        CatalogSnapshot loaded = store.load();

        assertThat(deleted.endpoints()).containsExactly(mine);
        assertThat(endpointsOf(loaded, company)).isEmpty();
        assertThat(endpointsOf(loaded, other)).containsExactly(theirs);
    }

    @Test
    void given_a_pruned_companys_key_listed_under_another_company_when_applied_then_the_key_moves_and_is_not_deleted() {
        String other = unique("other");
        ApiKey before = aKey().withId(unique("moving")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build(), aCompany().withId(other).build()),
                List.of(), List.of(before)));
        ApiKey moved = aKey().withId(before.id()).withCompany(other).withTokenSha256(before.tokenSha256()).build();

        CatalogSnapshot deleted = store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(moved)),
                Set.of(new CompanyId(company)));
        CatalogSnapshot loaded = store.load();

        assertThat(deleted.apiKeys()).isEmpty();
        assertThat(keys(loaded, before.id())).containsExactly(moved);
    }

    @Test
    void given_a_pruned_key_whose_token_a_new_key_takes_over_when_applied_then_the_old_key_is_deleted_and_the_new_one_stored() {
        String token = unique("token");
        ApiKey renamedFrom = aKey().withId(unique("old-name")).withCompany(company).withToken(token).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(renamedFrom)));
        ApiKey renamedTo = aKey().withId(unique("new-name")).withCompany(company).withToken(token).build();

        CatalogSnapshot deleted = store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(),
                List.of(renamedTo)), Set.of(new CompanyId(company)));

        assertThat(deleted.apiKeys()).containsExactly(renamedFrom);
        assertThat(keysOf(store.load(), company)).containsExactly(renamedTo);
    }

    @Test
    void given_a_pruned_company_that_is_not_stored_when_applied_then_nothing_is_deleted_and_the_changes_are_stored() {
        Endpoint endpoint = anEndpoint().withCompany(company).build();

        CatalogSnapshot deleted = store.apply(
                new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(endpoint), List.of()),
                Set.of(new CompanyId(unique("absent"))));
        CatalogSnapshot loaded = store.load();

        assertThat(deleted).isEqualTo(CatalogSnapshot.empty());
        assertThat(endpointsOf(loaded, company)).containsExactly(endpoint);
    }

    @Test
    void given_a_change_the_store_refuses_when_applied_with_pruning_then_nothing_is_deleted() {
        Endpoint stored = anEndpoint().withCompany(company).withSlug("stored").build();
        ApiKey storedKey = aKey().withId(unique("stored")).withCompany(company).withToken(unique("token")).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(stored), List.of(storedKey)));
        Endpoint orphan = anEndpoint().withCompany(unique("missing")).build();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(orphan), List.of()),
                Set.of(new CompanyId(company))))
                .isInstanceOf(RuntimeException.class);
        CatalogSnapshot loaded = store.load();

        assertThat(endpointsOf(loaded, company)).containsExactly(stored);
        assertThat(keysOf(loaded, company)).containsExactly(storedKey);
    }
}
