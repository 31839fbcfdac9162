package dev.dataapi.jobs;

import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.JobStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job store contract on mongo-java-server's H2 backend, which the app embeds to keep async
 * jobs across restarts when no MongoDB is configured.
 */
class MongoJobStoreOnH2Test extends JobStoreContractTest {
    @TempDir
    static Path directory;
    private static TestMongo mongo;

    @BeforeAll
    static void startMongo() {
        mongo = TestMongo.onH2(directory.resolve("jobs.mv"));
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
