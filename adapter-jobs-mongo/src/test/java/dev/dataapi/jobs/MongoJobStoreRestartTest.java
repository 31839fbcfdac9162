package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.jobs.StoreSupport.insertAndClaim;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job outlives the store instance (and, on the embedded H2 backend, the server) that claimed it. */
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

            assertThat(jobIndexes).extracting(index -> index.getString("name")).containsExactlyInAnyOrder("_id_", "claim", "expiry");
            assertThat(chunkIndexes).extracting(index -> index.getString("name")).containsExactlyInAnyOrder("_id_", "chunks", "expiry");
            assertThat(named(jobIndexes, "claim").get("key", Document.class).keySet())
                    .containsExactly("state", "lease_until", "created_at");
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
