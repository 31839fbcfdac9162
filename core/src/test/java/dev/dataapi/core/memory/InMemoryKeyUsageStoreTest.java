package dev.dataapi.core.memory;

import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.KeyUsageStore;
import dev.dataapi.ports.out.KeyUsageStoreContractTest;

/** The in-memory catalog store keeps key usage itself, under the same contract as the PostgreSQL one. */
class InMemoryKeyUsageStoreTest extends KeyUsageStoreContractTest {

    @Override
    protected CatalogStore createCatalog() {
        return new InMemoryCatalogStore();
    }

    @Override
    protected KeyUsageStore createUsage(CatalogStore catalog) {
        return (InMemoryCatalogStore) catalog;
    }
}
