package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static dev.dataapi.ports.fixtures.Fixtures.unique;

import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store under test and the rules that let the {@link JobStoreContractTest} tests share one
 * database with each other, with other tests and with earlier runs.
 *
 * <p>Every test marks its jobs with a company of its own ({@link #mine()}) and asserts only on
 * those. The queue is shared, so tests claim through {@link #claimMine} and
 * {@link #claimDeliveryOfMine}, which pass over jobs of other tests (they are claimed and left to
 * lapse; nothing asserts on them). Time is passed
 * explicitly: each test starts at {@link #t0}, the real time truncated to milliseconds (what stores
 * keep), so that a store that also expires jobs by wall clock (a TTL index) never deletes a job
 * while its test runs, and moves it forward without sleeping.
 */
public abstract class JobStoreContractSupport {
    /** The lease every test claims with. */
    protected static final Duration LEASE = Duration.ofSeconds(30);
    /** How many starts every test allows a job. */
    protected static final int MAX_ATTEMPTS = 3;
    /** The result of every job ended through {@link #completed}: no columns, no rows. */
    protected static final ResultSummary NO_ROWS = new ResultSummary(List.of(), 0, false);
    private static final int MAX_FOREIGN_CLAIMS = 100_000;

    /** The store under test. */
    protected JobStore store;
    /** When this test starts. */
    protected Instant t0;
    private String company;

    /** A store to test; may be shared with, or share a database with, stores returned by earlier calls. */
    protected abstract JobStore create();

    @BeforeEach
    void createStore() {
        store = create();
        company = unique("jobs");
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A job of this test's own company, created at {@link #t0}. */
    protected JobBuilder mine() {
        return aJob().withCompany(company).createdAt(t0);
    }

    /** True for jobs built with {@link #mine()} in this test. */
    protected boolean isMine(ClaimedJob claimed) {
        return claimed.job().company().value().equals(company);
    }

    /**
     * Claims at {@code now} until one of this test's jobs comes up; empty when nothing claimable is
     * left. Other tests' jobs met on the way stay claimed until their lease lapses.
     */
    protected Optional<ClaimedJob> claimMine(Instant now) {
        for (int i = 0; i < MAX_FOREIGN_CLAIMS; i++) {
            Optional<ClaimedJob> claimed = store.claimNext(now, LEASE, MAX_ATTEMPTS);
            if (claimed.isEmpty() || isMine(claimed.get())) {
                return claimed;
            }
        }
        throw new AssertionError("claimNext kept returning other tests' jobs: " + MAX_FOREIGN_CLAIMS + " of them");
    }

    /** True for deliveries of jobs built with {@link #mine()} in this test. */
    protected boolean isMine(ClaimedDelivery claimed) {
        return claimed.job().company().value().equals(company);
    }

    /**
     * Claims webhook deliveries at {@code now} until one of this test's jobs comes up; empty when
     * no delivery is due. Other tests' deliveries met on the way stay claimed until their lease lapses.
     */
    protected Optional<ClaimedDelivery> claimDeliveryOfMine(Instant now) {
        for (int i = 0; i < MAX_FOREIGN_CLAIMS; i++) {
            Optional<ClaimedDelivery> claimed = store.claimDelivery(now, LEASE);
            if (claimed.isEmpty() || isMine(claimed.get())) {
                return claimed;
            }
        }
        throw new AssertionError("claimDelivery kept returning other tests' jobs: " + MAX_FOREIGN_CLAIMS + " of them");
    }

    /**
     * Inserts {@code job}, the only queued job of this test, and has a worker complete it at
     * {@code at} with {@link #NO_ROWS}; returns the job as it is now stored.
     */
    protected Job completed(Job job, Instant at) {
        JobClaim claim = insertAndClaim(job, at);
        try (JobResultWriter rows = store.resultWriter(claim)) {
            rows.columns(List.of());
            if (!store.complete(claim, rows, NO_ROWS, at)) {
                throw new AssertionError("job " + job.id() + " could not be completed by its current claim");
            }
        }
        return job.start().complete(NO_ROWS, at);
    }

    /** Like {@link #completed}, but the worker fails the job with {@code error}. */
    protected Job failed(Job job, String error, Instant at) {
        JobClaim claim = insertAndClaim(job, at);
        if (!store.fail(claim, error, at)) {
            throw new AssertionError("job " + job.id() + " could not be failed by its current claim");
        }
        return job.start().fail(error, at);
    }

    private JobClaim insertAndClaim(Job job, Instant at) {
        store.insert(job);
        JobClaim claim = claimMine(at).orElseThrow(() -> new AssertionError("job " + job.id() + " is not claimable")).claim();
        if (!claim.jobId().equals(job.id())) {
            throw new AssertionError("expected to claim job " + job.id() + " but claimed " + claim.jobId());
        }
        return claim;
    }
}
