package dev.dataapi.sql;

import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.CatalogStoreContractTest;

/** The catalog contract against the shared embedded PostgreSQL. */
class JdbcCatalogStoreTest extends CatalogStoreContractTest {

    @Override
    protected CatalogStore create() {
        return new JdbcCatalogStore(EmbeddedPostgresSupport.dataSource());
    }

    /** Every test class writes to the one shared database; an empty store is checked on a fresh one elsewhere. */
    @Override
    protected boolean createdStoreIsEmpty() {
        return false;
    }
}
