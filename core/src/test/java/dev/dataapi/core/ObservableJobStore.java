package dev.dataapi.core;

import dev.dataapi.core.memory.InMemoryJobStore;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The in-memory job store, plus what tests need to synchronise with workers without sleeping: every
 * call that decides a job's fate is recorded as an {@link Event} a test can wait for, and failures
 * of the database can be switched on.
 */
final class ObservableJobStore implements JobStore {
    private static final long WAIT_SECONDS = 20;

    private final InMemoryJobStore store = new InMemoryJobStore();
    private final List<Event> events = new ArrayList<>();
    private final AtomicInteger failingClaims = new AtomicInteger();
    private final AtomicInteger erringClaims = new AtomicInteger();
    private volatile boolean failing;

    /**
     * One call: {@code action} is claim, renew, complete, fail, release, claim-delivery or deliver
     * (a webhook attempt's outcome recorded).
     *
     * @param jobId    the job (null for a claim or claim-delivery that found nothing)
     * @param attempt  the claim's attempt (0 for a claim that found nothing); for deliver, the
     *                 delivery's attempts counting the one recorded
     * @param now      the time passed (null for release and deliver)
     * @param accepted what the store answered (false for a claim that found nothing)
     */
    record Event(String action, JobId jobId, int attempt, Instant now, boolean accepted) {
    }

    /** The next {@code count} claims throw, as when the database is unreachable. */
    void failNextClaims(int count) {
        failingClaims.set(count);
    }

    /** The next {@code count} claims throw an {@link Error}, as when memory runs out. */
    void errorOnNextClaims(int count) {
        erringClaims.set(count);
    }

    /** Every call throws from now on. */
    void failEverything() {
        failing = true;
    }

    /** Waits for the first recorded event that matches; fails after twenty seconds. */
    Event await(Predicate<Event> matching) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (events) {
            while (true) {
                for (Event event : events) {
                    if (matching.test(event)) {
                        return event;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("no matching store call within " + WAIT_SECONDS + " s; calls: " + events);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(events, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a store call", e);
                }
            }
        }
    }

    /** Every event recorded so far. */
    List<Event> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Waits until {@code action} was called for {@code id} and the store accepted it. */
    Event awaitAccepted(String action, JobId id) {
        return await(event -> event.action().equals(action) && id.equals(event.jobId()) && event.accepted());
    }

    @Override
    public void insert(Job job) {
        checkFailing();
        store.insert(job);
    }

    @Override
    public Optional<Job> find(JobId id, Instant now) {
        checkFailing();
        return store.find(id, now);
    }

    @Override
    public Optional<ClaimedJob> claimNext(Instant now, Duration lease, int maxAttempts, Set<CompanyId> skipped) {
        checkFailing();
        if (failingClaims.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the job database is unreachable");
        }
        if (erringClaims.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new OutOfMemoryError("simulated: no memory left while claiming");
        }
        Optional<ClaimedJob> claimed = store.claimNext(now, lease, maxAttempts, skipped);
        record(new Event("claim", claimed.map(c -> c.claim().jobId()).orElse(null),
                claimed.map(c -> c.claim().attempt()).orElse(0), now, claimed.isPresent()));
        return claimed;
    }

    @Override
    public long countQueued(Instant now) {
        checkFailing();
        return store.countQueued(now);
    }

    @Override
    public long countQueued(CompanyId company, Instant now) {
        checkFailing();
        return store.countQueued(company, now);
    }

    @Override
    public boolean renew(JobClaim claim, Instant now, Duration lease) {
        checkFailing();
        return record("renew", claim, now, store.renew(claim, now, lease));
    }

    @Override
    public JobResultWriter resultWriter(JobClaim claim) {
        checkFailing();
        return store.resultWriter(claim);
    }

    @Override
    public boolean complete(JobClaim claim, JobResultWriter rows, ResultSummary summary, Instant now) {
        checkFailing();
        return record("complete", claim, now, store.complete(claim, rows, summary, now));
    }

    @Override
    public boolean fail(JobClaim claim, String error, Instant now) {
        checkFailing();
        return record("fail", claim, now, store.fail(claim, error, now));
    }

    @Override
    public boolean release(JobClaim claim) {
        checkFailing();
        return record("release", claim, null, store.release(claim));
    }

    @Override
    public void readResult(JobId id, ResultSink sink) {
        checkFailing();
        store.readResult(id, sink);
    }

    @Override
    public Optional<ClaimedDelivery> claimDelivery(Instant now, Duration lease) {
        checkFailing();
        Optional<ClaimedDelivery> claimed = store.claimDelivery(now, lease);
        record(new Event("claim-delivery", claimed.map(c -> c.claim().jobId()).orElse(null), 0, now, claimed.isPresent()));
        return claimed;
    }

    @Override
    public boolean recordDelivery(DeliveryClaim claim, CallbackState next) {
        checkFailing();
        boolean accepted = store.recordDelivery(claim, next);
        record(new Event("deliver", claim.jobId(), next.attempts(), null, accepted));
        return accepted;
    }

    private boolean record(String action, JobClaim claim, Instant now, boolean accepted) {
        record(new Event(action, claim.jobId(), claim.attempt(), now, accepted));
        return accepted;
    }

    private void record(Event event) {
        synchronized (events) {
            events.add(event);
            events.notifyAll();
        }
    }

    private void checkFailing() {
        if (failing) {
            throw new IllegalStateException("the job database is unreachable");
        }
    }
}
