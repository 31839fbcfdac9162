package dev.dataapi.jobs;

import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.JobStoreContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The job store contract against MongoDB: mongo-java-server in memory, or the real MongoDB named
 * by {@code DATA_API_TEST_MONGO_URI}. Every test's store shares one database, as instances of the
 * service do.
 */
class MongoJobStoreTest extends JobStoreContractTest {
    private static TestMongo mongo;

    @BeforeAll
    static void startMongo() {
        mongo = TestMongo.start();
        new MongoJobStore(mongo.database()).createIndexes();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Override
    protected JobStore create() {
        return new MongoJobStore(mongo.database());
    }
}
