package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.sha256Hex;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RetiringToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link CatalogStoreContractTest} about what operators change on API keys: the
 * display prefix, the namespace scope, the key's own rate limit and, after a rotation, the previous
 * token and the end of its overlap. Each is stored faithfully, replaced, and cleared.
 */
public abstract class CatalogStoreApiKeyContract extends CatalogStoreContractSupport {
    private static final Instant OVERLAP_END = Instant.parse("2026-07-01T12:30:00.250Z");

    @Test
    void given_a_key_with_every_lifecycle_field_when_applied_then_load_returns_an_equal_key() {
        ApiKey rotated = aKey().withId(unique("rotated")).withCompany(company).withTokenPrefix("dak_9fQ2")
                .withPermissions(Permission.EXECUTE, Permission.GET_JOB)
                .pinning("region", "Sul")
                .reaching("sales", "finance-reports")
                .limitedTo(600, 30)
                .expiringAt(Instant.parse("2027-06-30T00:00:00Z"))
                .build()
                .withToken(sha256Hex(unique("new")), Optional.of("dak_Zx81"),
                        Optional.of(new RetiringToken(sha256Hex(unique("old")), Optional.of("dak_9fQ2"), OVERLAP_END)));
        ApiKey importedRotation = aKey().withId(unique("imported")).withCompany(company).withToken(unique("token"))
                .withPreviousToken(unique("legacy"), OVERLAP_END)
                .reaching("sales")
                .limitedTo(1, 1)
                .build();

        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(),
                List.of(rotated, importedRotation)));
        CatalogSnapshot loaded = store.load();

        assertThat(keys(loaded, rotated.id())).containsExactly(rotated);
        assertThat(keys(loaded, importedRotation.id())).containsExactly(importedRotation);
    }

    @Test
    void given_a_stored_key_when_rotated_and_later_settled_then_each_apply_replaces_the_fields_it_names() {
        ApiKey created = aKey().withId(unique("key")).withCompany(company).withToken(unique("first"))
                .withTokenPrefix("dak_a1").build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(created)));

        ApiKey rotated = aKey().withId(created.id()).withCompany(company).reaching("sales", "ops").limitedTo(60, 10)
                .build()
                .withToken(sha256Hex(unique("second")), Optional.of("dak_b2"),
                        Optional.of(new RetiringToken(created.tokenSha256(), created.tokenPrefix(), OVERLAP_END)));
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(rotated)));
        List<ApiKey> afterRotation = keys(store.load(), created.id());

        ApiKey settled = aKey().withId(created.id()).withCompany(company).withTokenSha256(rotated.tokenSha256())
                .reaching("ops").build();
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(settled)));
        List<ApiKey> afterSettling = keys(store.load(), created.id());

        assertThat(afterRotation).containsExactly(rotated);
        // Same token, no previous token named: the rotation's overlap and the display prefix are kept.
        assertThat(afterSettling).containsExactly(settled.withToken(rotated.tokenSha256(), rotated.tokenPrefix(),
                rotated.previousToken()));
    }

    @Test
    void given_a_key_rotated_again_when_applied_then_only_the_latest_previous_token_is_kept() {
        String first = unique("first");
        String second = unique("second");
        ApiKey once = aKey().withId(unique("key")).withCompany(company).withToken(second)
                .withPreviousToken(first, OVERLAP_END).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(once)));

        ApiKey twice = once.withToken(sha256Hex(unique("third")), Optional.empty(),
                Optional.of(new RetiringToken(sha256Hex(second), Optional.empty(), OVERLAP_END.plusSeconds(60))));
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(twice)));
        CatalogSnapshot loaded = store.load();

        assertThat(keys(loaded, once.id())).containsExactly(twice);
    }
}
