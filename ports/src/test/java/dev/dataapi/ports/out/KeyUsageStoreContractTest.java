package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KeyUsageStore} must do. Each adapter's test extends this class and supplies a
 * catalog store and a usage store over the same storage: the keys applied to the first are the
 * keys the second knows. Every test creates keys of its own company with random ids and asserts
 * only on them, so tests may share one database. Instants are whole milliseconds, which every
 * store keeps.
 */
public abstract class KeyUsageStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123Z");

    private CatalogStore catalog;
    private KeyUsageStore usage;
    private String company;

    /** A catalog store to hold the keys; may share storage with stores returned by earlier calls. */
    protected abstract CatalogStore createCatalog();

    /** The usage store under test, knowing the keys of {@code catalog}. */
    protected abstract KeyUsageStore createUsage(CatalogStore catalog);

    @BeforeEach
    void createStores() {
        catalog = createCatalog();
        usage = createUsage(catalog);
        company = unique("usage");
        catalog.apply(new CatalogSnapshot(List.of(aCompany().withId(company).build()), List.of(), List.of()));
    }

    @Test
    void given_keys_never_used_when_read_then_none_of_them_has_a_last_use() {
        String first = storedKey();
        String second = storedKey();

        assertThat(lastUsedOf(first, second)).isEmpty();
    }

    @Test
    void given_uses_of_several_keys_in_one_batch_when_recorded_then_each_key_has_its_own() {
        String first = storedKey();
        String second = storedKey();
        String unused = storedKey();

        usage.recordLastUsed(Map.of(first, T0, second, T0.plusSeconds(5)));

        assertThat(lastUsedOf(first, second, unused)).isEqualTo(Map.of(first, T0, second, T0.plusSeconds(5)));
    }

    @Test
    void given_a_recorded_use_when_a_later_one_is_recorded_then_it_replaces_it() {
        String key = storedKey();
        usage.recordLastUsed(Map.of(key, T0));

        usage.recordLastUsed(Map.of(key, T0.plusMillis(1)));

        assertThat(lastUsedOf(key)).isEqualTo(Map.of(key, T0.plusMillis(1)));
    }

    @Test
    void given_a_recorded_use_when_an_earlier_one_is_recorded_then_the_later_one_stays() {
        String key = storedKey();
        String other = storedKey();
        usage.recordLastUsed(Map.of(key, T0));

        usage.recordLastUsed(Map.of(key, T0.minusMillis(1), other, T0.minusSeconds(60)));

        assertThat(lastUsedOf(key, other)).isEqualTo(Map.of(key, T0, other, T0.minusSeconds(60)));
    }

    @Test
    void given_unknown_key_ids_in_a_batch_when_recorded_then_they_are_ignored_and_the_known_ones_recorded() {
        String known = storedKey();
        String unknown = unique("unknown");

        usage.recordLastUsed(Map.of(unknown, T0, known, T0));

        assertThat(lastUsedOf(known, unknown)).isEqualTo(Map.of(known, T0));
    }

    @Test
    void given_an_empty_batch_when_recorded_then_nothing_changes() {
        String key = storedKey();
        usage.recordLastUsed(Map.of(key, T0));

        usage.recordLastUsed(Map.of());

        assertThat(lastUsedOf(key)).isEqualTo(Map.of(key, T0));
    }

    @Test
    void given_a_used_key_when_applied_again_revoked_then_its_last_use_is_kept() {
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token")).build();
        catalog.apply(new CatalogSnapshot(List.of(), List.of(), List.of(key)));
        usage.recordLastUsed(Map.of(key.id(), T0));

        catalog.apply(new CatalogSnapshot(List.of(), List.of(), List.of(key.asRevoked())));

        assertThat(lastUsedOf(key.id())).isEqualTo(Map.of(key.id(), T0));
    }

    @Test
    void given_instances_flushing_at_once_in_any_order_when_recorded_then_each_key_keeps_its_latest_use()
            throws Exception {
        String first = storedKey();
        String second = storedKey();
        int flushes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(flushes);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int flush = 0; flush < flushes; flush++) {
                // Flush i saw first used at T0 + i ms and second at T0 - i ms: the latest uses are
                // in different flushes, and the flushes overlap on both keys.
                int i = flush;
                done.add(pool.submit(() -> {
                    start.await();
                    Map<String, Instant> batch = new LinkedHashMap<>();
                    batch.put(first, T0.plusMillis(i));
                    batch.put(second, T0.minusMillis(i));
                    usage.recordLastUsed(batch);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(lastUsedOf(first, second)).isEqualTo(Map.of(first, T0.plusMillis(flushes - 1), second, T0));
    }

    private String storedKey() {
        ApiKey key = aKey().withId(unique("key")).withCompany(company).withToken(unique("token")).build();
        catalog.apply(new CatalogSnapshot(List.of(), List.of(), List.of(key)));
        return key.id();
    }

    /** What {@link KeyUsageStore#lastUsed()} says of these ids, leaving out other tests' keys. */
    private Map<String, Instant> lastUsedOf(String... ids) {
        List<String> wanted = List.of(ids);
        return usage.lastUsed().entrySet().stream()
                .filter(entry -> wanted.contains(entry.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
