package dev.dataapi.ports.out;

import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static dev.dataapi.ports.fixtures.Fixtures.unique;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.JobBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store under test and the rules that let the {@link JobStoreContractTest} tests share one
 * database with each other, with other tests and with earlier runs.
 *
 * <p>Every test marks its jobs with companies of its own ({@link #mine()}, and {@link #neighbours()}
 * where a test needs two) and asserts only on those. The queue is shared, so tests claim through
 * {@link #claimMine} and {@link #claimDeliveryOfMine}, which pass over jobs of other tests (they
 * are claimed and left to lapse; nothing asserts on them); a test about the whole queue first
 * claims what other tests left in it ({@link #claimOtherTestsJobs}). Time is passed
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
    private String neighbour;

    /** A store to test; may be shared with, or share a database with, stores returned by earlier calls. */
    protected abstract JobStore create();

    @BeforeEach
    void createStore() {
        store = create();
        company = unique("jobs");
        neighbour = unique("jobs-neighbour");
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A job of this test's own company, created at {@link #t0}. */
    protected JobBuilder mine() {
        return aJob().withCompany(company).createdAt(t0);
    }

    /** A job of this test's second company, created at {@link #t0}: for tests about several companies. */
    protected JobBuilder neighbours() {
        return aJob().withCompany(neighbour).createdAt(t0);
    }

    /** The company of the jobs built with {@link #mine()}. */
    protected CompanyId myCompany() {
        return new CompanyId(company);
    }

    /** The company of the jobs built with {@link #neighbours()}. */
    protected CompanyId neighbourCompany() {
        return new CompanyId(neighbour);
    }

    /** True for jobs built with {@link #mine()} or {@link #neighbours()} in this test. */
    protected boolean isMine(ClaimedJob claimed) {
        return isMine(claimed.job());
    }

    /**
     * Claims at {@code now} until one of this test's jobs comes up; empty when nothing claimable is
     * left. Other tests' jobs met on the way stay claimed until their lease lapses.
     */
    protected Optional<ClaimedJob> claimMine(Instant now) {
        return firstOfMine(() -> store.claimNext(now, LEASE, MAX_ATTEMPTS));
    }

    /** Like {@link #claimMine(Instant)}, passing over the jobs of the {@code skipped} companies. */
    protected Optional<ClaimedJob> claimMine(Instant now, Set<CompanyId> skipped) {
        return firstOfMine(() -> store.claimNext(now, LEASE, MAX_ATTEMPTS, skipped));
    }

    /**
     * Claims, at {@code now}, every job that other tests left claimable, so that in a shared store
     * nothing is queued or claimable at {@code now} but what this test inserts afterwards. Call it
     * before inserting any job of this test.
     */
    protected void claimOtherTestsJobs(Instant now) {
        for (int i = 0; i < MAX_FOREIGN_CLAIMS; i++) {
            Optional<ClaimedJob> claimed = store.claimNext(now, LEASE, MAX_ATTEMPTS);
            if (claimed.isEmpty()) {
                return;
            }
            if (isMine(claimed.get())) {
                throw new AssertionError("claimOtherTestsJobs must run before this test inserts jobs");
            }
        }
        throw new AssertionError("claimNext kept returning other tests' jobs: " + MAX_FOREIGN_CLAIMS + " of them");
    }

    /** True for deliveries of jobs built with {@link #mine()} or {@link #neighbours()} in this test. */
    protected boolean isMine(ClaimedDelivery claimed) {
        return isMine(claimed.job());
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

    private Optional<ClaimedJob> firstOfMine(Supplier<Optional<ClaimedJob>> claimNext) {
        for (int i = 0; i < MAX_FOREIGN_CLAIMS; i++) {
            Optional<ClaimedJob> claimed = claimNext.get();
            if (claimed.isEmpty() || isMine(claimed.get())) {
                return claimed;
            }
        }
        throw new AssertionError("claimNext kept returning other tests' jobs: " + MAX_FOREIGN_CLAIMS + " of them");
    }

    private boolean isMine(Job job) {
        String owner = job.company().value();
        return owner.equals(company) || owner.equals(neighbour);
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
