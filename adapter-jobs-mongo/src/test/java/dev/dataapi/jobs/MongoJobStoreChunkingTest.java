package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.jobs.StoreSupport.chunksOf;
import static dev.dataapi.jobs.StoreSupport.insertAndClaim;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.model.Filters;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.fixtures.SampleResults;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How results are cut into chunk documents below MongoDB's 16 MB limit, and what happens to unused chunks. */
class MongoJobStoreChunkingTest {
    private static final long MAX_DOCUMENT = ChunkLimits.MONGODB_MAX_DOCUMENT_BYTES;
    private static final List<Column> TEXT = List.of(new Column("text", "text"));
    private static TestMongo mongo;

    private Instant t0;
    private MongoJobStore store;

    @BeforeAll
    static void startMongo() {
        mongo = TestMongo.start();
        new MongoJobStore(mongo.database()).createIndexes();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void startClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store = new MongoJobStore(mongo.database());
    }

    @Test
    void given_ten_thousand_rows_of_two_and_a_half_kilobytes_when_completed_then_several_chunks_each_under_16_MB_hold_them() {
        Job job = aJob().createdAt(t0).build();
        JobClaim claim = insertAndClaim(store, job, t0);
        try (JobResultWriter writer = store.resultWriter(claim)) {
            writer.columns(SampleResults.WIDE_COLUMNS);
            for (int i = 0; i < 10_000; i++) {
                writer.row(SampleResults.wideRow(i));
            }
            assertThat(store.complete(claim, writer, new ResultSummary(SampleResults.WIDE_COLUMNS, 10_000, false), t0)).isTrue();
        }

        List<RawBsonDocument> chunks = chunksOf(mongo, job.id());
        long totalBytes = chunks.stream().mapToLong(chunk -> chunk.getByteBuffer().remaining()).sum();
        assertThat(totalBytes).as("more than one document could hold").isGreaterThan(MAX_DOCUMENT);
        assertThat(chunks).hasSizeGreaterThanOrEqualTo(5);
        assertThat(chunks).allSatisfy(chunk -> assertThat((long) chunk.getByteBuffer().remaining()).isLessThan(MAX_DOCUMENT));
        assertThat(chunks).extracting(chunk -> chunk.getInt32(ResultChunks.SEQ).getValue())
                .containsExactlyElementsOf(IntStream.range(0, chunks.size()).boxed().toList());
        assertThat(chunks.stream().mapToInt(chunk -> chunk.getArray(ResultChunks.ROWS).size()).sum()).isEqualTo(10_000);
        RecordingSink read = new RecordingSink();
        store.readResult(job.id(), read);
        assertThat(read.rows()).hasSize(10_000);
        assertThat(read.rows().get(9_999)).isEqualTo(RecordingSink.comparable(SampleResults.wideRow(9_999)));
    }

    @Test
    void given_a_row_limit_per_chunk_when_rows_are_written_then_chunks_are_cut_at_it_and_read_back_in_order() {
        MongoJobStore small = storeWith(new ChunkLimits(MAX_DOCUMENT / 4, 3, MAX_DOCUMENT));
        Job job = aJob().createdAt(t0).build();
        JobClaim claim = insertAndClaim(small, job, t0);
        try (JobResultWriter writer = small.resultWriter(claim)) {
            writer.columns(TEXT);
            for (int i = 0; i < 7; i++) {
                writer.row(new Object[] {"row " + i});
            }
            assertThat(small.complete(claim, writer, new ResultSummary(TEXT, 7, false), t0)).isTrue();
        }

        assertThat(chunksOf(mongo, job.id())).extracting(chunk -> chunk.getArray(ResultChunks.ROWS).size())
                .containsExactly(3, 3, 1);
        RecordingSink read = new RecordingSink();
        small.readResult(job.id(), read);
        assertThat(read.rows()).extracting(row -> row.get(0))
                .containsExactly("row 0", "row 1", "row 2", "row 3", "row 4", "row 5", "row 6");
    }

    @Test
    void given_a_row_that_would_push_the_chunk_past_16_MB_when_written_then_the_rows_before_it_go_to_their_own_chunk() {
        Job job = aJob().createdAt(t0).build();
        JobClaim claim = insertAndClaim(store, job, t0);
        String three = "a".repeat(3 * 1024 * 1024);
        String fourteen = "b".repeat(14 * 1024 * 1024);
        try (JobResultWriter writer = store.resultWriter(claim)) {
            writer.columns(TEXT);
            writer.row(new Object[] {three});
            writer.row(new Object[] {fourteen});
            assertThat(store.complete(claim, writer, new ResultSummary(TEXT, 2, false), t0)).isTrue();
        }

        List<RawBsonDocument> chunks = chunksOf(mongo, job.id());
        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(chunk -> assertThat((long) chunk.getByteBuffer().remaining()).isLessThan(MAX_DOCUMENT));
        RecordingSink read = new RecordingSink();
        store.readResult(job.id(), read);
        assertThat(read.rows()).containsExactly(List.of(three), List.of(fourteen));
    }

    @Test
    void given_a_row_larger_than_16_MB_when_written_then_the_job_fails_with_a_clear_message_and_its_chunks_are_gone() {
        Instant failedAt = t0.plusSeconds(7);
        MongoJobStore store = new MongoJobStore(mongo.database(), new ChunkLimits(1, 1000, MAX_DOCUMENT),
                Clock.fixed(failedAt, ZoneOffset.UTC));
        Job job = aJob().createdAt(t0).build();
        JobClaim claim = insertAndClaim(store, job, t0);
        JobResultWriter writer = store.resultWriter(claim);
        writer.columns(TEXT);
        writer.row(new Object[] {"a small first row, stored at once"});
        assertThat(chunksOf(mongo, job.id())).hasSize(1);

        assertThatThrownBy(() -> writer.row(new Object[] {"x".repeat(17 * 1024 * 1024)}))
                .isInstanceOf(JobStoreException.class)
                .hasMessageContaining("result row 2 is larger than the 16 MB a stored result row may take");

        Job failed = store.find(job.id(), failedAt).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains("result row 2 is larger than the 16 MB a stored result row may take");
        assertThat(failed.completedAt()).contains(failedAt);
        assertThat(chunksOf(mongo, job.id())).isEmpty();
        assertThat(store.complete(claim, writer, new ResultSummary(TEXT, 2, false), failedAt)).isFalse();
        writer.close();
    }

    @Test
    void given_a_writer_closed_without_completing_when_closed_then_its_chunks_are_deleted_and_the_job_still_runs() {
        MongoJobStore small = storeWith(new ChunkLimits(1, 1000, MAX_DOCUMENT));
        Job job = aJob().createdAt(t0).build();
        JobClaim claim = insertAndClaim(small, job, t0);
        JobResultWriter writer = small.resultWriter(claim);
        writer.columns(TEXT);
        writer.row(new Object[] {"one"});
        writer.row(new Object[] {"two"});
        assertThat(chunksOf(mongo, job.id())).hasSize(2);

        writer.close();

        assertThat(chunksOf(mongo, job.id())).isEmpty();
        assertThat(small.find(job.id(), t0).map(Job::state)).contains(JobState.RUNNING);
        assertThat(small.fail(claim, "the query failed", t0)).isTrue();
    }

    @Test
    void given_an_interrupted_attempt_that_left_chunks_when_the_next_attempt_completes_then_only_the_winners_chunks_remain() {
        MongoJobStore small = storeWith(new ChunkLimits(1, 1000, MAX_DOCUMENT));
        Job job = aJob().createdAt(t0).build();
        JobClaim crashed = insertAndClaim(small, job, t0);
        JobResultWriter abandoned = small.resultWriter(crashed);
        abandoned.columns(TEXT);
        abandoned.row(new Object[] {"written before the crash"});
        Instant later = t0.plus(LEASE).plusSeconds(1);
        JobClaim winner = StoreSupport.claim(small, job.id(), later);

        try (JobResultWriter writer = small.resultWriter(winner)) {
            writer.columns(TEXT);
            writer.row(new Object[] {"the result"});
            assertThat(small.complete(winner, writer, new ResultSummary(TEXT, 1, false), later)).isTrue();
        }

        assertThat(chunksOf(mongo, job.id())).singleElement()
                .satisfies(chunk -> assertThat(chunk.getString(ResultChunks.CLAIM_TOKEN).getValue()).isEqualTo(winner.token()));
        RecordingSink read = new RecordingSink();
        small.readResult(job.id(), read);
        assertThat(read.rows()).containsExactly(List.of("the result"));
    }

    @Test
    void given_a_stored_result_missing_a_chunk_when_read_then_it_fails_instead_of_returning_part_of_it() {
        MongoJobStore small = storeWith(new ChunkLimits(MAX_DOCUMENT / 4, 2, MAX_DOCUMENT));
        Job job = aJob().createdAt(t0).build();
        JobClaim claim = insertAndClaim(small, job, t0);
        try (JobResultWriter writer = small.resultWriter(claim)) {
            writer.columns(TEXT);
            for (int i = 0; i < 5; i++) {
                writer.row(new Object[] {"row " + i});
            }
            assertThat(small.complete(claim, writer, new ResultSummary(TEXT, 5, false), t0)).isTrue();
        }
        mongo.database().getCollection(MongoJobStore.RESULTS).deleteOne(Filters.and(
                Filters.eq(ResultChunks.JOB_ID, new ObjectId(job.id().value())), Filters.eq(ResultChunks.SEQ, 2)));

        assertThatThrownBy(() -> small.readResult(job.id(), new RecordingSink()))
                .isInstanceOf(JobStoreException.class)
                .hasMessageContaining("the stored result of job " + job.id() + " is incomplete");
    }

    @Test
    void given_a_job_that_has_not_completed_when_its_result_is_read_then_it_fails_naming_the_job() {
        Job job = aJob().createdAt(t0).build();
        store.insert(job);

        assertThatThrownBy(() -> store.readResult(job.id(), new RecordingSink()))
                .isInstanceOf(JobStoreException.class)
                .hasMessage("job " + job.id() + " has no stored result");
    }

    private static MongoJobStore storeWith(ChunkLimits limits) {
        return new MongoJobStore(mongo.database(), limits, Clock.systemUTC());
    }
}
