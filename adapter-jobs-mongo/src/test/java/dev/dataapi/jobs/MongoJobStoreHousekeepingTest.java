package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.jobs.StoreSupport.MAX_ATTEMPTS;
import static dev.dataapi.jobs.StoreSupport.chunksOf;
import static dev.dataapi.jobs.StoreSupport.insertAndClaim;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.bson.BsonObjectId;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Housekeeping on the embedded server (mongo-java-server on H2), which has no TTL indexes: expired
 * jobs and results are deleted by the store itself, and jobs of an older layout are brought up to
 * date at start.
 */
class MongoJobStoreHousekeepingTest {
    private static final List<Column> COLUMNS = List.of(new Column("n", "int4"));
    private static final Duration RETENTION = Duration.ofHours(1);

    @TempDir
    Path directory;
    private TestMongo mongo;
    private MongoJobStore store;
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void start() {
        mongo = TestMongo.onH2(directory.resolve("jobs.mv"));
        store = new MongoJobStore(mongo.database());
        store.createIndexes();
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void given_jobs_whose_retention_ended_when_a_worker_claims_then_they_and_their_results_are_deleted_and_the_others_stay() {
        Job expired = aJob().createdAt(t0).withRetention(RETENTION).build();
        Job kept = aJob().createdAt(t0.plusSeconds(1)).withRetention(RETENTION.plusMinutes(5)).build();
        completeWithOneRow(expired, t0);
        completeWithOneRow(kept, t0.plusSeconds(1));
        assertThat(chunksOf(mongo, expired.id())).isNotEmpty();
        Instant afterExpiry = expired.expiresAt().plusSeconds(1);

        assertThat(store.claimNext(afterExpiry, LEASE, MAX_ATTEMPTS)).isEmpty();

        assertThat(storedJobs()).isEqualTo(1);
        assertThat(chunksOf(mongo, expired.id())).isEmpty();
        assertThat(chunksOf(mongo, kept.id())).isNotEmpty();
        assertThat(store.find(kept.id(), afterExpiry)).isPresent();
    }

    @Test
    void given_a_job_expiring_inside_a_millisecond_when_deleted_then_it_goes_exactly_at_its_expiry() {
        Job job = aJob().createdAt(t0.plusNanos(300_000)).withRetention(RETENTION).build();
        store.insert(job);

        assertThat(store.deleteExpired(job.expiresAt().minusNanos(1))).isZero();
        assertThat(storedJobs()).isEqualTo(1);
        assertThat(store.deleteExpired(job.expiresAt())).isEqualTo(1);
        assertThat(storedJobs()).isZero();
    }

    @Test
    void given_a_job_stored_with_a_callback_url_but_no_delivery_state_when_the_store_starts_then_a_sender_can_claim_its_delivery() {
        Job job = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/legacy").build();
        completeWithOneRow(job, t0);
        mongo.database().getCollection(MongoJobStore.JOBS).updateOne(
                Filters.eq("_id", new BsonObjectId(new ObjectId(job.id().value()))), Updates.unset("callback"));
        assertThat(store.claimDelivery(t0.plusSeconds(1), LEASE)).as("the older layout is never due").isEmpty();

        new MongoJobStore(mongo.database()).createIndexes();

        assertThat(store.find(job.id(), t0.plusSeconds(1)).flatMap(Job::callback)).contains(CallbackState.pending());
        assertThat(store.claimDelivery(t0.plusSeconds(1), LEASE)).hasValueSatisfying(claimed ->
                assertThat(claimed.job().id()).isEqualTo(job.id()));
    }

    private void completeWithOneRow(Job job, Instant now) {
        JobClaim claim = insertAndClaim(store, job, now);
        try (JobResultWriter writer = store.resultWriter(claim)) {
            writer.columns(COLUMNS);
            writer.row(new Object[] {1});
            assertThat(store.complete(claim, writer, new ResultSummary(COLUMNS, 1, false), now)).isTrue();
        }
    }

    private long storedJobs() {
        return mongo.database().getCollection(MongoJobStore.JOBS).countDocuments();
    }
}
