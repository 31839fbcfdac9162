package dev.dataapi.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.fixtures.SampleResults;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link JobStoreContractTest} about results: what {@link JobStore#complete} keeps,
 * what {@link JobStore#readResult} gives back, that only the current claim's rows ever become the
 * result, that a full-size result fits, and that concurrent workers each get a job exactly once.
 */
public abstract class JobStoreResultContract extends JobStoreDeliveryClaimContract {
    private static final int LARGE_ROW_COUNT = 10_000;
    private static final int CONCURRENT_JOBS = 1_000;
    private static final int CONCURRENT_WORKERS = 8;

    @Test
    void given_rows_of_every_value_type_when_completed_then_the_summary_is_stored_and_the_rows_read_back_identical() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();
        List<Object[]> rows = SampleResults.everyTypeRows();
        ResultSummary summary = new ResultSummary(SampleResults.EVERY_TYPE_COLUMNS, rows.size(), true);
        Instant completedAt = t0.plusSeconds(2);

        try (JobResultWriter writer = store.resultWriter(claim)) {
            writeReusingOneArray(writer, SampleResults.EVERY_TYPE_COLUMNS, rows);
            assertThat(store.complete(claim, writer, summary, completedAt)).isTrue();
        }

        assertThat(store.find(job.id(), completedAt)).contains(job.start().complete(summary, completedAt));
        RecordingSink read = readResult(job.id());
        assertThat(read.columnCalls()).containsExactly(SampleResults.EVERY_TYPE_COLUMNS);
        assertThat(read.rows()).containsExactlyElementsOf(comparable(rows));
    }

    @Test
    void given_a_completed_job_when_its_claim_is_used_again_then_nothing_changes() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();
        ResultSummary summary = new ResultSummary(List.of(new Column("n", "int4")), 1, false);
        try (JobResultWriter writer = store.resultWriter(claim)) {
            writeReusingOneArray(writer, summary.columns(), List.<Object[]>of(new Object[] {1}));
            assertThat(store.complete(claim, writer, summary, t0)).isTrue();
        }

        assertThat(store.fail(claim, "afterwards", t0)).isFalse();
        assertThat(store.release(claim)).isFalse();
        assertThat(store.renew(claim, t0, LEASE)).isFalse();
        assertThat(claimMine(t0.plus(LEASE).plus(LEASE))).isEmpty();

        assertThat(store.find(job.id(), t0)).contains(job.start().complete(summary, t0));
        assertThat(readResult(job.id()).rows()).containsExactly(List.of(1));
    }

    @Test
    void given_a_worker_that_lost_its_claim_when_it_writes_and_completes_then_only_the_new_holders_rows_become_the_result() {
        Job job = mine().build();
        store.insert(job);
        List<Column> columns = List.of(new Column("attempt", "text"));
        JobClaim lost = claimMine(t0).orElseThrow().claim();
        JobResultWriter lostRows = store.resultWriter(lost);
        lostRows.columns(columns);
        lostRows.row(new Object[] {"first attempt, before the lease lapsed"});
        Instant later = t0.plus(LEASE).plusSeconds(1);
        JobClaim current = claimMine(later).orElseThrow().claim();
        JobResultWriter currentRows = store.resultWriter(current);
        currentRows.columns(columns);
        currentRows.row(new Object[] {"second attempt"});
        lostRows.row(new Object[] {"first attempt, after the lease lapsed"});

        assertThat(store.complete(lost, lostRows, new ResultSummary(columns, 2, false), later)).isFalse();
        lostRows.close();
        ResultSummary summary = new ResultSummary(columns, 1, false);
        assertThat(store.complete(current, currentRows, summary, later)).isTrue();
        currentRows.close();

        assertThat(store.find(job.id(), later)).contains(job.start().start().complete(summary, later));
        assertThat(readResult(job.id()).rows()).containsExactly(List.of("second attempt"));
    }

    @Test
    void given_ten_thousand_rows_of_two_and_a_half_kilobytes_when_completed_then_they_read_back_identical() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();
        ResultSummary summary = new ResultSummary(SampleResults.WIDE_COLUMNS, LARGE_ROW_COUNT, true);

        try (JobResultWriter writer = store.resultWriter(claim)) {
            writer.columns(SampleResults.WIDE_COLUMNS);
            for (int i = 0; i < LARGE_ROW_COUNT; i++) {
                writer.row(SampleResults.wideRow(i));
            }
            assertThat(store.complete(claim, writer, summary, t0.plusSeconds(60))).isTrue();
        }

        assertThat(store.find(job.id(), t0.plusSeconds(60)).map(Job::result)).contains(Optional.of(summary));
        RecordingSink read = readResult(job.id());
        assertThat(read.columnCalls()).containsExactly(SampleResults.WIDE_COLUMNS);
        List<List<Object>> rows = read.rows();
        assertThat(rows).hasSize(LARGE_ROW_COUNT);
        for (int i = 0; i < LARGE_ROW_COUNT; i++) {
            List<Object> expected = RecordingSink.comparable(SampleResults.wideRow(i));
            if (!expected.equals(rows.get(i))) {
                assertThat(rows.get(i)).as("row %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void given_a_thousand_queued_jobs_when_eight_threads_claim_until_none_is_left_then_each_job_is_claimed_and_completed_once()
            throws Exception {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_JOBS; i++) {
            Job job = mine().createdAt(t0.plusMillis(i)).build();
            store.insert(job);
            ids.add(job.id());
        }
        Instant now = t0.plusSeconds(5);
        Map<JobId, AtomicInteger> claims = new ConcurrentHashMap<>();
        AtomicInteger rejectedCompletions = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_WORKERS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENT_WORKERS; w++) {
                workers.add(threads.submit(() -> {
                    start.await();
                    claimAndCompleteUntilEmpty(now, claims, rejectedCompletions);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claims.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(rejectedCompletions.get()).isZero();
        for (JobId id : ids) {
            assertThat(store.find(id, now).map(Job::state)).as("job %s", id).contains(JobState.COMPLETED);
        }
        assertThat(readResult(ids.get(CONCURRENT_JOBS / 2)).rows()).containsExactly(List.of(ids.get(CONCURRENT_JOBS / 2).value()));
    }

    private void claimAndCompleteUntilEmpty(Instant now, Map<JobId, AtomicInteger> claims, AtomicInteger rejected) {
        List<Column> columns = List.of(new Column("job", "text"));
        while (true) {
            Optional<ClaimedJob> next = store.claimNext(now, LEASE, MAX_ATTEMPTS);
            if (next.isEmpty()) {
                return;
            }
            if (!isMine(next.get())) {
                continue;
            }
            JobClaim claim = next.get().claim();
            claims.computeIfAbsent(claim.jobId(), id -> new AtomicInteger()).incrementAndGet();
            try (JobResultWriter writer = store.resultWriter(claim)) {
                writer.columns(columns);
                writer.row(new Object[] {claim.jobId().value()});
                if (!store.complete(claim, writer, new ResultSummary(columns, 1, false), now)) {
                    rejected.incrementAndGet();
                }
            }
        }
    }

    private RecordingSink readResult(JobId id) {
        RecordingSink sink = new RecordingSink();
        store.readResult(id, sink);
        return sink;
    }

    /** Writes like a query executor: one array, refilled for every row, so a store must copy what it keeps. */
    private static void writeReusingOneArray(JobResultWriter writer, List<Column> columns, List<Object[]> rows) {
        writer.columns(columns);
        Object[] buffer = new Object[columns.size()];
        for (Object[] row : rows) {
            System.arraycopy(row, 0, buffer, 0, buffer.length);
            writer.row(buffer);
        }
        Arrays.fill(buffer, "overwritten after the last row");
    }

    private static List<List<Object>> comparable(List<Object[]> rows) {
        List<List<Object>> result = new ArrayList<>();
        for (Object[] row : rows) {
            result.add(RecordingSink.comparable(row));
        }
        return result;
    }
}
