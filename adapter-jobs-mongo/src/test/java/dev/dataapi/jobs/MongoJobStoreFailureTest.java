package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.out.DeliveryClaim;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Driver and server failures reach callers as one exception naming the operation, never stored contents. */
class MongoJobStoreFailureTest {
    private static final String SECRET_SQL = "SELECT secret_column FROM secret_table";

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void startServer() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        // Fail within a fraction of a second once the server is gone, instead of the driver's 30 s.
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(300, TimeUnit.MILLISECONDS))
                .retryWrites(false).retryReads(false)
                .build());
        database = client.getDatabase("failures");
    }

    @AfterEach
    void stopServer() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void given_an_unreachable_server_when_any_operation_runs_then_it_throws_a_job_store_exception_naming_it() {
        MongoJobStore store = new MongoJobStore(database);
        Job job = aJob().createdAt(t0).withSql(SECRET_SQL).build();
        store.insert(job);
        JobClaim claim = StoreSupport.claim(store, job.id(), t0);
        server.shutdownNow();

        assertFails(() -> store.insert(aJob().createdAt(t0).withSql(SECRET_SQL).build()), "could not insert job ");
        assertFails(() -> store.find(job.id(), t0), "could not read job " + job.id());
        assertFails(() -> store.claimNext(t0, LEASE, 3), "could not claim a job");
        assertFails(() -> store.claimNext(t0, LEASE, 3, Set.of(job.company())), "could not claim a job");
        assertFails(() -> store.countQueued(t0), "could not count the queued jobs");
        assertFails(() -> store.countQueued(new CompanyId("acme"), t0), "could not count the company's queued jobs");
        assertFails(() -> store.renew(claim, t0, LEASE), "could not renew the lease on job " + job.id());
        assertFails(() -> store.fail(claim, "failed", t0), "could not fail job " + job.id());
        assertFails(() -> store.release(claim), "could not release job " + job.id());
        assertFails(() -> store.readResult(job.id(), new RecordingSink()), "could not read job " + job.id());
        assertFails(store::createIndexes, "could not create the job indexes");
        assertFails(() -> store.claimDelivery(t0, LEASE), "could not claim a webhook delivery");
        assertFails(() -> store.recordDelivery(new DeliveryClaim(job.id(), "token", t0.plus(LEASE)),
                CallbackState.pending().delivered(200)), "could not record the webhook delivery of job " + job.id());
    }

    @Test
    void given_an_unreachable_server_when_a_writer_stores_rows_then_writing_throws_and_closing_does_not() {
        MongoJobStore store = new MongoJobStore(database, new ChunkLimits(1, 1000, ChunkLimits.MONGODB_MAX_DOCUMENT_BYTES),
                Clock.systemUTC());
        Job job = aJob().createdAt(t0).build();
        store.insert(job);
        JobClaim claim = StoreSupport.claim(store, job.id(), t0);
        JobResultWriter writer = store.resultWriter(claim);
        writer.columns(List.of(new Column("n", "int4")));
        writer.row(new Object[] {1});
        server.shutdownNow();

        assertFails(() -> writer.row(new Object[] {2}), "could not store result chunk 1 of job " + job.id());
        // Completing stores the rows still buffered first, and cannot either.
        assertFails(() -> store.complete(claim, writer, new ResultSummary(List.of(), 0, false), t0),
                "could not store result chunk 1 of job " + job.id());
        writer.close();
    }

    @Test
    void given_a_stored_job_that_is_not_well_formed_when_found_then_it_throws_naming_the_job() {
        ObjectId id = new ObjectId();
        database.getCollection(MongoJobStore.JOBS).insertOne(new Document("_id", id).append("state", "QUEUED"));
        MongoJobStore store = new MongoJobStore(database);

        assertThatThrownBy(() -> store.find(new JobId(id.toHexString()), t0))
                .isInstanceOf(JobStoreException.class)
                .hasMessage("stored job " + id.toHexString() + " cannot be read");
    }

    @Test
    void given_a_job_id_taken_already_when_inserted_again_then_it_throws_naming_the_job_not_its_contents() {
        MongoJobStore store = new MongoJobStore(database);
        Job job = aJob().createdAt(t0).withSql(SECRET_SQL).build();
        store.insert(job);

        assertFails(() -> store.insert(job), "could not insert job " + job.id());
    }

    private static void assertFails(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(JobStoreException.class)
                .hasMessageStartingWith(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }
}
