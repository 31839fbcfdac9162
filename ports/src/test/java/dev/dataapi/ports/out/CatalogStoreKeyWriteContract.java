package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.sha256Hex;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RetiringToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link CatalogStoreContractTest} about writing keys that a command line changes
 * while catalog files are re-applied: an apply never undoes a revocation or a rotation, a new key
 * never replaces another, and a replacement happens only over the state it was read from.
 */
public abstract class CatalogStoreKeyWriteContract extends CatalogStoreApiKeyContract {
    private static final Instant OVERLAP_END = Instant.parse("2026-07-01T12:30:00Z");

    private ApiKey stored(String token) {
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(token).withTokenPrefix("dak_f1le")
                .withPermissions(Permission.EXECUTE).build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of(key)));
        return key;
    }

    private ApiKey only(String id) {
        List<ApiKey> found = keys(store.load(), id);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    @Test
    void given_a_revoked_key_when_a_file_lists_it_unrevoked_then_it_stays_revoked_and_takes_the_other_changes() {
        ApiKey fromFile = stored(unique("token"));
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(fromFile.asRevoked())));
        ApiKey widened = aKey().withId(fromFile.id()).withCompany(company).withTokenSha256(fromFile.tokenSha256())
                .withTokenPrefix("dak_f1le").withPermissions(Permission.EXECUTE, Permission.GET_JOB).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(widened)));

        assertThat(only(fromFile.id())).isEqualTo(widened.asRevoked());
    }

    @Test
    void given_a_rotated_key_when_a_file_written_before_the_rotation_is_applied_then_the_rotation_stands() {
        String oldToken = unique("old");
        ApiKey fromFile = stored(oldToken);
        ApiKey rotated = fromFile.withToken(sha256Hex(unique("new")), Optional.of("dak_n3w"),
                Optional.of(new RetiringToken(fromFile.tokenSha256(), fromFile.tokenPrefix(), OVERLAP_END)));
        assertThat(store.replaceKey(fromFile.tokenSha256(), rotated)).isTrue();
        ApiKey staleWithOtherChanges = aKey().withId(fromFile.id()).withCompany(company).withToken(oldToken)
                .withTokenPrefix("dak_f1le").withPermissions(Permission.GET_JOB).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(staleWithOtherChanges)));

        assertThat(only(fromFile.id())).isEqualTo(staleWithOtherChanges.withToken(rotated.tokenSha256(),
                rotated.tokenPrefix(), rotated.previousToken()));
    }

    @Test
    void given_a_stored_key_when_a_file_gives_it_a_token_it_never_had_then_the_file_wins() {
        ApiKey fromFile = stored(unique("token"));
        ApiKey rekeyed = aKey().withId(fromFile.id()).withCompany(company).withToken(unique("rekeyed")).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(rekeyed)));

        assertThat(only(fromFile.id())).isEqualTo(rekeyed);
    }

    @Test
    void given_a_new_key_when_inserted_then_it_is_stored_and_an_existing_id_is_never_replaced() {
        ApiKey first = stored(unique("token"));
        ApiKey sameId = aKey().withId(first.id()).withCompany(company).withToken(unique("other")).build();
        ApiKey fresh = aKey().withId(unique("fresh")).withCompany(company).withToken(unique("fresh")).build();

        assertThat(store.insertKey(sameId)).isFalse();
        assertThat(store.insertKey(fresh)).isTrue();

        assertThat(only(first.id())).isEqualTo(first);
        assertThat(only(fresh.id())).isEqualTo(fresh);
    }

    @Test
    void given_a_key_of_an_unknown_company_or_with_a_taken_token_when_inserted_then_it_is_refused() {
        String token = unique("token");
        stored(token);
        ApiKey orphan = aKey().withId(unique("orphan")).withCompany(unique("nobody")).withToken(unique("t")).build();
        ApiKey copycat = aKey().withId(unique("copycat")).withCompany(company).withToken(token).build();

        assertThatThrownBy(() -> store.insertKey(orphan)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.insertKey(copycat)).isInstanceOf(IllegalArgumentException.class);
        assertThat(keys(store.load(), orphan.id())).isEmpty();
        assertThat(keys(store.load(), copycat.id())).isEmpty();
    }

    @Test
    void given_a_key_changed_or_revoked_since_it_was_read_when_replaced_then_nothing_is_written() {
        ApiKey read = stored(unique("token"));
        ApiKey firstRotation = read.withToken(sha256Hex(unique("first")), Optional.empty(), Optional.empty());
        ApiKey secondRotation = read.withToken(sha256Hex(unique("second")), Optional.empty(), Optional.empty());

        assertThat(store.replaceKey(read.tokenSha256(), firstRotation)).isTrue();
        assertThat(store.replaceKey(read.tokenSha256(), secondRotation)).as("its token changed").isFalse();
        assertThat(only(read.id())).isEqualTo(firstRotation);

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(firstRotation.asRevoked())));
        ApiKey afterRevocation = firstRotation.withToken(sha256Hex(unique("third")), Optional.empty(), Optional.empty());
        assertThat(store.replaceKey(firstRotation.tokenSha256(), afterRevocation)).as("it was revoked").isFalse();
        assertThat(store.replaceKey(sha256Hex(unique("any")), aKey().withId(unique("missing")).withCompany(company)
                .withToken(unique("m")).build())).as("it does not exist").isFalse();
        assertThat(only(read.id())).isEqualTo(firstRotation.asRevoked());
    }
}
