package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.jobs.StoreSupport.insertAndClaim;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.out.ClaimedDelivery;
import dev.dataapi.ports.out.DeliveryClaim;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job and its webhook delivery outlive the store instance (and, on the embedded H2 backend, the
 * server) that claimed them.
 */
class MongoJobStoreRestartTest {
    private static final List<Column> COLUMNS = List.of(new Column("region", "text"), new Column("total", "numeric"));
    private static final List<Object[]> ROWS = List.of(
            new Object[] {"Sul", new BigDecimal("10.50")}, new Object[] {"Norte", null});

    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void given_a_job_claimed_through_one_store_when_a_new_store_on_the_same_database_completes_it_then_the_result_is_kept() {
        try (TestMongo mongo = TestMongo.start()) {
            MongoJobStore before = new MongoJobStore(mongo.database());
            before.createIndexes();
            Job job = aJob().createdAt(t0).build();
            JobClaim claim = insertAndClaim(before, job, t0);

            MongoJobStore after = new MongoJobStore(mongo.database());
            after.createIndexes();
            assertThat(after.renew(claim, t0.plusSeconds(20), LEASE)).isTrue();
            ResultSummary summary = complete(after, claim, t0.plusSeconds(30));

            MongoJobStore reader = new MongoJobStore(mongo.database());
            assertThat(reader.find(job.id(), t0.plusSeconds(30))).contains(job.start().complete(summary, t0.plusSeconds(30)));
            assertThat(read(reader, job)).isEqualTo(StoreSupport.rowsOf(ROWS));
        }
    }

    @Test
    void given_indexes_created_twice_from_two_stores_when_listed_then_each_index_exists_once_as_defined() {
        try (TestMongo mongo = TestMongo.start()) {
            new MongoJobStore(mongo.database()).createIndexes();
            new MongoJobStore(mongo.database()).createIndexes();
            new MongoJobStore(mongo.database()).createIndexes();

            List<Document> jobIndexes = mongo.database().getCollection(MongoJobStore.JOBS).listIndexes().into(new ArrayList<>());
            List<Document> chunkIndexes = mongo.database().getCollection(MongoJobStore.RESULTS).listIndexes().into(new ArrayList<>());

            assertThat(jobIndexes).extracting(index -> index.getString("name"))
                    .containsExactlyInAnyOrder("_id_", "claim", "delivery", "queued", "queued_by_company", "expiry");
            assertThat(chunkIndexes).extracting(index -> index.getString("name")).containsExactlyInAnyOrder("_id_", "chunks", "expiry");
            assertThat(named(jobIndexes, "claim").get("key", Document.class).keySet())
                    .containsExactly("state", "lease_until", "created_at");
            assertThat(named(jobIndexes, "delivery").get("key", Document.class).keySet())
                    .containsExactly("callback.status", "state", "created_at");
            assertThat(named(jobIndexes, "queued").get("key", Document.class).keySet())
                    .containsExactly("state", "expires_at", "expires_at_ns");
            assertThat(named(jobIndexes, "queued_by_company").get("key", Document.class).keySet())
                    .containsExactly("company", "state", "expires_at", "expires_at_ns");
            assertThat(named(jobIndexes, "expiry").get("key", Document.class).keySet()).containsExactly("expires_at");
            assertThat(((Number) named(jobIndexes, "expiry").get("expireAfterSeconds")).longValue()).isZero();
            assertThat(named(chunkIndexes, "chunks").get("key", Document.class).keySet())
                    .containsExactly("job_id", "claim_token", "seq");
            assertThat(named(chunkIndexes, "chunks").getBoolean("unique")).isTrue();
            assertThat(((Number) named(chunkIndexes, "expiry").get("expireAfterSeconds")).longValue()).isZero();
        }
    }

    @Test
    void given_the_embedded_h2_server_when_it_restarts_between_claim_completion_and_reading_then_nothing_is_lost(
            @TempDir Path directory) {
        Path file = directory.resolve("jobs.mv");
        Job running = aJob().createdAt(t0).build();
        Job waiting = aJob().createdAt(t0.plusSeconds(1)).build();
        TestMongo first = TestMongo.onH2(file);
        JobClaim claim = insertAndClaim(new MongoJobStore(first.database()), running, t0);
        new MongoJobStore(first.database()).insert(waiting);

        TestMongo second = first.restartedOnH2(file);
        MongoJobStore afterRestart = new MongoJobStore(second.database());
        assertThat(afterRestart.renew(claim, t0.plusSeconds(20), LEASE)).isTrue();
        ResultSummary summary = complete(afterRestart, claim, t0.plusSeconds(30));
        assertThat(StoreSupport.claim(afterRestart, waiting.id(), t0.plusSeconds(30)).attempt()).isEqualTo(1);

        try (TestMongo third = second.restartedOnH2(file)) {
            MongoJobStore afterSecondRestart = new MongoJobStore(third.database());
            assertThat(afterSecondRestart.find(running.id(), t0.plusSeconds(30)))
                    .contains(running.start().complete(summary, t0.plusSeconds(30)));
            assertThat(read(afterSecondRestart, running)).isEqualTo(StoreSupport.rowsOf(ROWS));
        }
    }

    @Test
    void given_the_embedded_h2_server_when_it_restarts_with_one_delivery_due_and_one_in_flight_then_both_are_delivered_afterwards(
            @TempDir Path directory) {
        Path file = directory.resolve("jobs.mv");
        Job inFlight = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/a").build();
        Job due = aJob().createdAt(t0.plusSeconds(1)).withCallbackUrl("https://hooks.example.com/b").build();
        TestMongo first = TestMongo.onH2(file);
        MongoJobStore beforeRestart = new MongoJobStore(first.database());
        ResultSummary summary = complete(beforeRestart, insertAndClaim(beforeRestart, inFlight, t0), t0.plusSeconds(2));
        DeliveryClaim crashed = beforeRestart.claimDelivery(t0.plusSeconds(2), LEASE).orElseThrow().claim();
        assertThat(crashed.jobId()).isEqualTo(inFlight.id());
        complete(beforeRestart, insertAndClaim(beforeRestart, due, t0.plusSeconds(3)), t0.plusSeconds(3));

        TestMongo second = first.restartedOnH2(file);
        MongoJobStore afterRestart = new MongoJobStore(second.database());
        DeliveryClaim dueClaim = afterRestart.claimDelivery(t0.plusSeconds(3), LEASE).orElseThrow().claim();
        assertThat(dueClaim.jobId()).isEqualTo(due.id());
        assertThat(afterRestart.claimDelivery(t0.plusSeconds(3), LEASE)).as("the crashed attempt's lease holds").isEmpty();
        CallbackState retry = CallbackState.pending().retryAt(Optional.of(502), t0.plusSeconds(60));
        assertThat(afterRestart.recordDelivery(dueClaim, retry)).isTrue();
        ClaimedDelivery reclaimed = afterRestart.claimDelivery(crashed.leaseUntil(), LEASE).orElseThrow();
        assertThat(reclaimed.job()).isEqualTo(inFlight.start().complete(summary, t0.plusSeconds(2)));
        assertThat(afterRestart.recordDelivery(crashed, CallbackState.pending().delivered(200))).isFalse();
        assertThat(afterRestart.recordDelivery(reclaimed.claim(), CallbackState.pending().delivered(204))).isTrue();

        try (TestMongo third = second.restartedOnH2(file)) {
            MongoJobStore afterSecondRestart = new MongoJobStore(third.database());
            assertThat(afterSecondRestart.find(inFlight.id(), t0.plusSeconds(60)).flatMap(Job::callback))
                    .contains(CallbackState.pending().delivered(204));
            assertThat(afterSecondRestart.claimDelivery(t0.plusSeconds(60).minusMillis(1), LEASE)).isEmpty();
            ClaimedDelivery retried = afterSecondRestart.claimDelivery(t0.plusSeconds(60), LEASE).orElseThrow();
            assertThat(retried.job().id()).isEqualTo(due.id());
            assertThat(retried.job().callback()).contains(retry);
        }
    }

    private static ResultSummary complete(MongoJobStore store, JobClaim claim, Instant now) {
        ResultSummary summary = new ResultSummary(COLUMNS, ROWS.size(), false);
        try (JobResultWriter writer = store.resultWriter(claim)) {
            writer.columns(COLUMNS);
            ROWS.forEach(writer::row);
            assertThat(store.complete(claim, writer, summary, now)).isTrue();
        }
        return summary;
    }

    private static List<List<Object>> read(MongoJobStore store, Job job) {
        RecordingSink sink = new RecordingSink();
        store.readResult(job.id(), sink);
        assertThat(sink.columns()).isEqualTo(COLUMNS);
        return sink.rows();
    }

    private static Document named(List<Document> indexes, String name) {
        return indexes.stream().filter(index -> name.equals(index.getString("name"))).findFirst().orElseThrow();
    }
}
