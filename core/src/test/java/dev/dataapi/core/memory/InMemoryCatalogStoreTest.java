package dev.dataapi.core.memory;

import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.CatalogStoreContractTest;

class InMemoryCatalogStoreTest extends CatalogStoreContractTest {

    @Override
    protected CatalogStore create() {
        return new InMemoryCatalogStore();
    }
}
