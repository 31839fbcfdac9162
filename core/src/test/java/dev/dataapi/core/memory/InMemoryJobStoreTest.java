package dev.dataapi.core.memory;

import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.JobStoreContractTest;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The in-memory job store meets the job store contract")
class InMemoryJobStoreTest extends JobStoreContractTest {

    @Override
    protected JobStore create() {
        return new InMemoryJobStore();
    }
}
