package dev.dataapi.core.memory;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.out.ClaimedDelivery;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.DeliveryClaim;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import dev.dataapi.ports.out.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link JobStore} held in memory, for tests and for embedders running a single instance. It
 * passes the same contract as the database stores: claims with leases and fencing tokens, failure
 * after too many interrupted attempts, expiry on read, results kept only when completed by the
 * current claim. Jobs do not survive the process, and instances do not share jobs.
 *
 * <p>Thread-safe: every operation runs under one lock, so a claim is atomic. Expired jobs are
 * dropped whenever the queue is scanned.
 */
public final class InMemoryJobStore implements JobStore {
    /** The error of a job whose lease lapsed once too often (the workers running it died or hung). */
    static final String INTERRUPTED = "The job's execution was interrupted too many times; run the endpoint again.";
    private static final Comparator<Entry> OLDEST_FIRST =
            Comparator.comparing((Entry entry) -> entry.job.createdAt()).thenComparing(entry -> entry.job.id().value());

    private final Object lock = new Object();
    private final Map<JobId, Entry> entries = new HashMap<>();

    /** An empty store. */
    public InMemoryJobStore() {
    }

    /** @throws IllegalArgumentException when a job with the same id is already stored */
    @Override
    public void insert(Job job) {
        Objects.requireNonNull(job, "'job' is required");
        synchronized (lock) {
            if (entries.containsKey(job.id())) {
                throw new IllegalArgumentException("job " + job.id() + " is already stored");
            }
            entries.put(job.id(), new Entry(job));
        }
    }

    @Override
    public Optional<Job> find(JobId id, Instant now) {
        synchronized (lock) {
            return Optional.ofNullable(entries.get(id)).map(entry -> entry.job).filter(job -> !job.isExpiredAt(now));
        }
    }

    @Override
    public Optional<ClaimedJob> claimNext(Instant now, Duration lease, int maxAttempts, Set<CompanyId> skipped) {
        Objects.requireNonNull(skipped, "'skipped' is required");
        synchronized (lock) {
            entries.values().removeIf(entry -> entry.job.isExpiredAt(now));
            List<Entry> claimable = new ArrayList<>();
            for (Entry entry : entries.values()) {
                if (entry.isClaimableAt(now) && !skipped.contains(entry.job.company())) {
                    claimable.add(entry);
                }
            }
            claimable.sort(OLDEST_FIRST);
            for (Entry entry : claimable) {
                if (entry.job.attempts() >= maxAttempts) {
                    entry.job = entry.job.fail(INTERRUPTED, now);
                    entry.endClaim();
                    continue;
                }
                entry.job = entry.job.start();
                entry.claimToken = UUID.randomUUID().toString();
                entry.leaseUntil = now.plus(lease);
                JobClaim claim = new JobClaim(entry.job.id(), entry.claimToken, entry.job.attempts(), entry.leaseUntil);
                return Optional.of(new ClaimedJob(entry.job, claim));
            }
            return Optional.empty();
        }
    }

    @Override
    public long countQueued(Instant now) {
        synchronized (lock) {
            return entries.values().stream()
                    .filter(entry -> entry.job.state() == JobState.QUEUED && !entry.job.isExpiredAt(now))
                    .count();
        }
    }

    @Override
    public long countQueued(CompanyId company, Instant now) {
        Objects.requireNonNull(company, "'company' is required");
        synchronized (lock) {
            return entries.values().stream()
                    .filter(entry -> entry.job.state() == JobState.QUEUED && entry.job.company().equals(company)
                            && !entry.job.isExpiredAt(now))
                    .count();
        }
    }

    @Override
    public boolean renew(JobClaim claim, Instant now, Duration lease) {
        synchronized (lock) {
            Entry entry = current(claim);
            if (entry == null) {
                return false;
            }
            entry.leaseUntil = now.plus(lease);
            return true;
        }
    }

    @Override
    public JobResultWriter resultWriter(JobClaim claim) {
        return new InMemoryResultWriter(this, claim);
    }

    /** @throws IllegalArgumentException when {@code rows} is not this store's writer for {@code claim} */
    @Override
    public boolean complete(JobClaim claim, JobResultWriter rows, ResultSummary summary, Instant now) {
        if (!(rows instanceof InMemoryResultWriter) || ((InMemoryResultWriter) rows).owner() != this
                || !((InMemoryResultWriter) rows).claim().token().equals(claim.token())) {
            throw new IllegalArgumentException("job " + claim.jobId()
                    + ": the rows must come from this store's writer for the same claim");
        }
        InMemoryResultWriter writer = (InMemoryResultWriter) rows;
        synchronized (lock) {
            Entry entry = current(claim);
            if (entry == null) {
                return false;
            }
            entry.job = entry.job.complete(summary, now);
            entry.columns = writer.columnsOr(summary.columns());
            entry.rows = writer.takeRows();
            entry.endClaim();
            return true;
        }
    }

    @Override
    public boolean fail(JobClaim claim, String error, Instant now) {
        synchronized (lock) {
            Entry entry = current(claim);
            if (entry == null) {
                return false;
            }
            entry.job = entry.job.fail(error, now);
            entry.endClaim();
            return true;
        }
    }

    @Override
    public boolean release(JobClaim claim) {
        synchronized (lock) {
            Entry entry = current(claim);
            if (entry == null) {
                return false;
            }
            entry.job = entry.job.release();
            entry.endClaim();
            return true;
        }
    }

    /** @throws IllegalStateException when the job is unknown or has no stored result */
    @Override
    public void readResult(JobId id, ResultSink sink) {
        List<Column> columns;
        List<Object[]> rows;
        synchronized (lock) {
            Entry entry = entries.get(id);
            if (entry == null || entry.job.state() != JobState.COMPLETED) {
                throw new IllegalStateException("job " + id + " has no stored result");
            }
            columns = entry.columns;
            rows = entry.rows;
        }
        // Stored rows never change once completed, so they stream outside the lock.
        sink.columns(columns);
        for (Object[] row : rows) {
            sink.row(Rows.copy(row));
        }
    }

    @Override
    public Optional<ClaimedDelivery> claimDelivery(Instant now, Duration lease) {
        Objects.requireNonNull(now, "'now' is required");
        Objects.requireNonNull(lease, "'lease' is required");
        synchronized (lock) {
            Entry due = null;
            for (Entry entry : entries.values()) {
                boolean free = entry.deliveryLeaseUntil == null || !now.isBefore(entry.deliveryLeaseUntil);
                if (free && !entry.job.isExpiredAt(now) && entry.job.callbackDueAt(now)
                        && (due == null || OLDEST_FIRST.compare(entry, due) < 0)) {
                    due = entry;
                }
            }
            if (due == null) {
                return Optional.empty();
            }
            due.deliveryToken = UUID.randomUUID().toString();
            due.deliveryLeaseUntil = now.plus(lease);
            return Optional.of(new ClaimedDelivery(due.job,
                    new DeliveryClaim(due.job.id(), due.deliveryToken, due.deliveryLeaseUntil)));
        }
    }

    @Override
    public boolean recordDelivery(DeliveryClaim claim, CallbackState next) {
        Objects.requireNonNull(claim, "'claim' is required");
        Objects.requireNonNull(next, "'next' is required");
        synchronized (lock) {
            Entry entry = entries.get(claim.jobId());
            if (entry == null || !claim.token().equals(entry.deliveryToken)) {
                return false;
            }
            entry.job = entry.job.withCallback(next);
            entry.deliveryToken = null;
            entry.deliveryLeaseUntil = null;
            return true;
        }
    }

    private Entry current(JobClaim claim) {
        Entry entry = entries.get(claim.jobId());
        boolean holds = entry != null && entry.job.state() == JobState.RUNNING && claim.token().equals(entry.claimToken);
        return holds ? entry : null;
    }

    /** One stored job with its claim and result. Guarded by the store's lock. */
    private static final class Entry {
        private Job job;
        private String claimToken;
        private Instant leaseUntil;
        private List<Column> columns = List.of();
        private List<Object[]> rows = List.of();
        private String deliveryToken;
        private Instant deliveryLeaseUntil;

        private Entry(Job job) {
            this.job = job;
        }

        private boolean isClaimableAt(Instant now) {
            return job.state() == JobState.QUEUED || (job.state() == JobState.RUNNING && !now.isBefore(leaseUntil));
        }

        private void endClaim() {
            claimToken = null;
            leaseUntil = null;
        }
    }
}
