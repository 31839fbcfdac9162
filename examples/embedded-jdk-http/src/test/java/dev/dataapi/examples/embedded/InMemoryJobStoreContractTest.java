package dev.dataapi.examples.embedded;

import dev.dataapi.core.memory.InMemoryJobStore;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.JobStoreContractTest;
import org.junit.jupiter.api.DisplayName;

/**
 * How an embedder checks a job store of their own against the published contract (the ports
 * test-jar): one subclass that says how to make the store. Here it is the in-memory store the
 * example runs on; yours would return your adapter, e.g. over your database.
 */
@DisplayName("The job store the example runs on meets the published job store contract")
class InMemoryJobStoreContractTest extends JobStoreContractTest {

    @Override
    protected JobStore create() {
        return new InMemoryJobStore();
    }
}
