package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.unique;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store under test and the rules that let the {@link CatalogStoreContractTest} tests share one
 * database with each other, with other tests and with earlier runs: every test creates its own
 * company with a random id ({@link #company}) and asserts only on what it created.
 */
public abstract class CatalogStoreContractSupport {

    /** The store under test. */
    protected CatalogStore store;
    /** A company id of this test's own, not stored yet. */
    protected String company;

    /** A store to test; may share storage with stores returned by earlier calls. */
    protected abstract CatalogStore create();

    /**
     * Whether {@link #create()} returns a store holding nothing. Override to return false when the
     * stores share a database that other tests write to; the empty-store test is then skipped.
     */
    protected boolean createdStoreIsEmpty() {
        return true;
    }

    @BeforeEach
    void createStore() {
        store = create();
        company = unique("co");
    }

    /** The companies of {@code snapshot} with that id. */
    protected static List<Company> companies(CatalogSnapshot snapshot, String id) {
        CompanyId wanted = new CompanyId(id);
        return snapshot.companies().stream().filter(c -> c.id().equals(wanted)).toList();
    }

    /** The endpoints of {@code snapshot} at the address of {@code like}. */
    protected static List<Endpoint> endpoints(CatalogSnapshot snapshot, Endpoint like) {
        CompanyId owner = like.company();
        EndpointRef ref = like.ref();
        return snapshot.endpoints().stream().filter(e -> e.company().equals(owner) && e.ref().equals(ref)).toList();
    }

    /** The endpoints of {@code snapshot} of that company. */
    protected static List<Endpoint> endpointsOf(CatalogSnapshot snapshot, String companyId) {
        CompanyId owner = new CompanyId(companyId);
        return snapshot.endpoints().stream().filter(e -> e.company().equals(owner)).toList();
    }

    /** The API keys of {@code snapshot} with that id. */
    protected static List<ApiKey> keys(CatalogSnapshot snapshot, String id) {
        return snapshot.apiKeys().stream().filter(k -> k.id().equals(id)).toList();
    }

    /** The API keys of {@code snapshot} of that company. */
    protected static List<ApiKey> keysOf(CatalogSnapshot snapshot, String companyId) {
        CompanyId owner = new CompanyId(companyId);
        return snapshot.apiKeys().stream().filter(k -> k.company().equals(owner)).toList();
    }
}
