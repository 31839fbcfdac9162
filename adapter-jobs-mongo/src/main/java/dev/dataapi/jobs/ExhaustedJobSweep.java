package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import dev.dataapi.ports.CompanyId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;

/**
 * Fails the jobs waiting for a worker that may not be attempted again. The sweep scans the queue,
 * so every claiming worker running it on every claim would multiply the store's load; once per
 * interval (by the callers' clock) is enough, because {@link ClaimQueries#claimable} never hands
 * out such a job in between. A sweep that passed over skipped companies counts too: their
 * exhausted jobs wait for the next one. Thread-safe.
 */
final class ExhaustedJobSweep {
    private static final System.Logger LOG = System.getLogger(ExhaustedJobSweep.class.getName());
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final AtomicLong lastSweepMillis = new AtomicLong(Long.MIN_VALUE / 2);
    private final MongoCollection<BsonDocument> jobs;

    ExhaustedJobSweep(MongoCollection<BsonDocument> jobs) {
        this.jobs = jobs;
    }

    /** Sweeps at {@code now} unless a sweep ran less than an interval before, leaving {@code skipped} companies' jobs alone. */
    void runIfDue(Instant now, int maxAttempts, Set<CompanyId> skipped) {
        if (!due(now)) {
            return;
        }
        long failed = MongoCalls.call("fail jobs that ran out of attempts", () -> jobs.updateMany(
                ClaimQueries.exhausted(now, maxAttempts, skipped), ClaimQueries.fail(MongoJobStore.INTERRUPTED, now))
                .getModifiedCount());
        if (failed > 0) {
            LOG.log(Level.INFO, "{0} job(s) failed after {1} interrupted attempt(s)", failed, maxAttempts);
        }
    }

    /** True for one caller per interval; a clock that went back starts a new interval. */
    private boolean due(Instant now) {
        long nowMillis = now.toEpochMilli();
        long last = lastSweepMillis.get();
        boolean due = nowMillis >= last + INTERVAL.toMillis() || nowMillis < last;
        return due && lastSweepMillis.compareAndSet(last, nowMillis);
    }
}
