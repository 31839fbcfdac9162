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
    void given_a_key_rotated_with_an_overlap_when_a_file_written_before_the_rotation_is_applied_then_the_rotation_stands() {
        String oldToken = unique("old");
        ApiKey fromFile = stored(oldToken);
        RetiringToken previous = new RetiringToken(fromFile.tokenSha256(), fromFile.tokenPrefix(), OVERLAP_END);
        String newHash = sha256Hex(unique("new"));
        assertThat(store.rotateToken(fromFile.id(), fromFile.tokenSha256(), newHash, Optional.of("dak_n3w"),
                Optional.of(previous))).isTrue();
        ApiKey staleWithOtherChanges = aKey().withId(fromFile.id()).withCompany(company).withToken(oldToken)
                .withTokenPrefix("dak_f1le").withPermissions(Permission.GET_JOB).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(staleWithOtherChanges)));

        assertThat(only(fromFile.id())).isEqualTo(staleWithOtherChanges.withToken(newHash, Optional.of("dak_n3w"),
                Optional.of(previous)));
    }

    @Test
    void given_a_key_rotated_twice_or_without_overlap_when_a_file_with_any_token_is_applied_then_the_rotated_token_stands() {
        String original = unique("original");
        ApiKey fromFile = stored(original);
        String second = sha256Hex(unique("second"));
        String third = sha256Hex(unique("third"));
        assertThat(store.rotateToken(fromFile.id(), fromFile.tokenSha256(), second, Optional.empty(), Optional.empty()))
                .isTrue();
        assertThat(store.rotateToken(fromFile.id(), second, third, Optional.of("dak_th1rd"), Optional.empty())).isTrue();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(fromFile)));
        ApiKey afterStaleFile = only(fromFile.id());
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(aKey().withId(fromFile.id()).withCompany(company)
                .withToken(unique("never-had")).withPermissions(Permission.EXECUTE).build())));

        assertThat(afterStaleFile.tokenSha256()).as("the original token stays retired").isEqualTo(third);
        assertThat(only(fromFile.id()).tokenSha256()).as("a managed token is not the file's to change").isEqualTo(third);
        assertThat(only(fromFile.id()).tokenPrefix()).contains("dak_th1rd");
    }

    @Test
    void given_a_key_created_by_insert_when_a_file_gives_it_another_token_then_its_own_token_stands() {
        ApiKey created = aKey().withId(unique("created")).withCompany(company).withToken(unique("cli"))
                .withTokenPrefix("dak_cl1").build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of()));
        assertThat(store.insertKey(created)).isTrue();
        ApiKey fromFile = aKey().withId(created.id()).withCompany(company).withToken(unique("file"))
                .withPermissions(Permission.EXECUTE, Permission.GET_JOB).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(fromFile)));

        assertThat(only(created.id())).isEqualTo(fromFile.withToken(created.tokenSha256(), Optional.of("dak_cl1"),
                Optional.empty()));
    }

    @Test
    void given_a_key_created_by_insert_when_a_file_moves_its_id_to_another_company_with_its_own_token_then_the_token_does_not_move_along() {
        String neighbour = unique("neighbour");
        ApiKey created = aKey().withId(unique("created")).withCompany(company).withToken(unique("cli"))
                .withTokenPrefix("dak_cl1").build();
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build(), aCompany().withId(neighbour).build()),
                List.of(), List.of()));
        assertThat(store.insertKey(created)).isTrue();
        ApiKey neighbours = aKey().withId(created.id()).withCompany(neighbour).withToken(unique("neighbours"))
                .withPermissions(Permission.EXECUTE, Permission.GET_JOB).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(neighbours)));

        assertThat(only(created.id())).isEqualTo(neighbours);
        ApiKey rekeyed = aKey().withId(created.id()).withCompany(neighbour).withToken(unique("rekeyed")).build();
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(rekeyed)));
        assertThat(only(created.id())).as("the file's token is the file's to change").isEqualTo(rekeyed);
    }

    @Test
    void given_a_rotated_key_when_a_file_from_before_the_rotation_moves_it_to_another_company_then_the_rotated_token_does_not_move_along() {
        String neighbour = unique("neighbour");
        String oldToken = unique("old");
        ApiKey fromFile = stored(oldToken);
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(neighbour).build()), List.of(), List.of()));
        RetiringToken previous = new RetiringToken(fromFile.tokenSha256(), fromFile.tokenPrefix(), OVERLAP_END);
        assertThat(store.rotateToken(fromFile.id(), fromFile.tokenSha256(), sha256Hex(unique("new")), Optional.of("dak_n3w"),
                Optional.of(previous))).isTrue();
        ApiKey moved = aKey().withId(fromFile.id()).withCompany(neighbour).withToken(oldToken).withTokenPrefix("dak_f1le")
                .withPermissions(Permission.EXECUTE).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(moved)));

        assertThat(only(fromFile.id())).isEqualTo(moved);
    }

    @Test
    void given_an_apply_between_reading_and_rotating_a_key_when_rotated_then_the_apply_is_kept() {
        ApiKey read = stored(unique("token"));
        ApiKey narrowed = aKey().withId(read.id()).withCompany(company).withTokenSha256(read.tokenSha256())
                .withTokenPrefix("dak_f1le").withPermissions(Permission.GET_JOB).reaching("sales")
                .expiringAt(Instant.parse("2027-01-01T00:00:00Z")).build();
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(narrowed)));
        String newHash = sha256Hex(unique("new"));

        assertThat(store.rotateToken(read.id(), read.tokenSha256(), newHash, Optional.of("dak_n3w"), Optional.empty()))
                .isTrue();

        assertThat(only(read.id())).isEqualTo(narrowed.withToken(newHash, Optional.of("dak_n3w"), Optional.empty()));
    }

    @Test
    void given_a_stored_key_when_a_file_gives_it_a_token_it_never_had_then_the_file_wins() {
        ApiKey fromFile = stored(unique("token"));
        ApiKey rekeyed = aKey().withId(fromFile.id()).withCompany(company).withToken(unique("rekeyed")).build();

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(rekeyed)));

        assertThat(only(fromFile.id())).isEqualTo(rekeyed);
    }

    @Test
    void given_every_kind_of_file_key_over_a_rotated_key_when_applied_then_the_store_follows_the_applied_over_rule() {
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of()));
        List<String> tokens = List.of("same", "previous", "new");
        for (String token : tokens) {
            for (Optional<String> prefix : List.of(Optional.<String>empty(), Optional.of("dak_f1le"))) {
                for (boolean namesPrevious : List.of(false, true)) {
                    String current = unique("current");
                    String previous = unique("previous");
                    ApiKey stored = aKey().withId(unique("rule")).withCompany(company).withToken(current)
                            .withTokenPrefix("dak_st0red").withPreviousToken(previous, OVERLAP_END).build();
                    store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(stored)));
                    String fileToken = token.equals("same") ? current : token.equals("previous") ? previous : unique("new");
                    ApiKey file = aKey().withId(stored.id()).withCompany(company).withToken(fileToken)
                            .withPermissions(Permission.GET_JOB).build()
                            .withToken(sha256Hex(fileToken), prefix, namesPrevious
                                    ? Optional.of(new RetiringToken(sha256Hex(unique("other")), Optional.empty(), OVERLAP_END))
                                    : Optional.empty());

                    store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(file)));

                    assertThat(only(stored.id())).as("file token %s, prefix %s, names a previous token: %s", token,
                            prefix, namesPrevious).isEqualTo(file.appliedOver(stored, false));
                }
            }
        }
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
    void given_a_key_changed_or_revoked_since_it_was_read_when_rotated_then_nothing_is_written() {
        ApiKey read = stored(unique("token"));
        String first = sha256Hex(unique("first"));

        assertThat(store.rotateToken(read.id(), read.tokenSha256(), first, Optional.empty(), Optional.empty())).isTrue();
        assertThat(store.rotateToken(read.id(), read.tokenSha256(), sha256Hex(unique("second")), Optional.empty(),
                Optional.empty())).as("its token changed").isFalse();
        assertThat(only(read.id()).tokenSha256()).isEqualTo(first);

        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(only(read.id()).asRevoked())));
        assertThat(store.rotateToken(read.id(), first, sha256Hex(unique("third")), Optional.empty(), Optional.empty()))
                .as("it was revoked").isFalse();
        assertThat(store.rotateToken(unique("missing"), first, sha256Hex(unique("m")), Optional.empty(),
                Optional.empty())).as("it does not exist").isFalse();
        assertThat(only(read.id()).tokenSha256()).isEqualTo(first);
        assertThat(only(read.id()).revoked()).isTrue();
    }

    @Test
    void given_a_file_giving_one_token_to_two_keys_when_applied_then_it_is_refused_and_nothing_is_stored() {
        String token = unique("token");
        ApiKey owner = stored(token);
        ApiKey copy = aKey().withId(unique("copy")).withCompany(company).withToken(token).build();
        ApiKey innocent = aKey().withId(unique("innocent")).withCompany(company).withToken(unique("own")).build();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(innocent, copy))))
                .isInstanceOf(RuntimeException.class);

        assertThat(keys(store.load(), copy.id())).isEmpty();
        assertThat(keys(store.load(), innocent.id())).isEmpty();
        assertThat(only(owner.id())).isEqualTo(owner);
    }

    @Test
    void given_another_keys_token_when_rotated_to_it_then_it_is_refused() {
        String taken = unique("taken");
        stored(taken);
        ApiKey other = aKey().withId(unique("other")).withCompany(company).withToken(unique("own")).build();
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(other)));

        assertThatThrownBy(() -> store.rotateToken(other.id(), other.tokenSha256(), sha256Hex(taken), Optional.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThat(only(other.id())).isEqualTo(other);
    }
}
