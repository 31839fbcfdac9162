package dev.dataapi.core.memory;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.CatalogStoreContractTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class InMemoryCatalogStoreTest extends CatalogStoreContractTest {

    @Override
    protected CatalogStore create() {
        return new InMemoryCatalogStore();
    }

    @Test
    void given_an_orphan_endpoint_when_applied_then_the_error_names_the_entry_and_the_company() {
        InMemoryCatalogStore store = new InMemoryCatalogStore();

        assertThatThrownBy(() -> store.apply(new CatalogSnapshot(List.of(), List.of(anEndpoint().build()), List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("endpoint acme/sales/by-region: 'company' acme is not a known company");
    }

    @Test
    void given_stored_entries_when_replaced_as_a_whole_then_only_the_new_entries_remain() {
        InMemoryCatalogStore store = new InMemoryCatalogStore(new CatalogSnapshot(
                List.of(aCompany().build()), List.of(anEndpoint().build()), List.of(aKey().build())));
        CatalogSnapshot replacement = new CatalogSnapshot(List.of(aCompany().withId("globex").build()),
                List.of(anEndpoint().withCompany("globex").build()), List.of());

        store.replaceAll(replacement);

        assertThat(store.load()).isEqualTo(replacement);
    }

    @Test
    void given_many_writers_at_once_when_they_apply_then_every_entry_is_kept() throws Exception {
        InMemoryCatalogStore store = new InMemoryCatalogStore(new CatalogSnapshot(List.of(aCompany().build()), List.of(), List.of()));
        int writers = 8;
        int perWriter = 50;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                int w = writer;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perWriter; i++) {
                        Endpoint endpoint = anEndpoint().withSlug("w" + w + "-e" + i).build();
                        ApiKey key = aKey().withId("w" + w + "-k" + i).withToken("w" + w + "-k" + i).build();
                        store.apply(new CatalogSnapshot(List.of(), List.of(endpoint), List.of(key)));
                    }
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

        CatalogSnapshot loaded = store.load();
        assertThat(loaded.endpoints()).hasSize(writers * perWriter);
        assertThat(loaded.apiKeys()).hasSize(writers * perWriter);
    }
}
