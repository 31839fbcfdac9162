package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import dev.dataapi.ports.CompanyId;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
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

    private final IntervalGate gate = new IntervalGate(INTERVAL);
    private final MongoCollection<BsonDocument> jobs;

    ExhaustedJobSweep(MongoCollection<BsonDocument> jobs) {
        this.jobs = jobs;
    }

    /** Sweeps at {@code now} unless a sweep ran less than an interval before, leaving {@code skipped} companies' jobs alone. */
    void runIfDue(Instant now, int maxAttempts, Set<CompanyId> skipped) {
        if (!gate.tryPass(now)) {
            return;
        }
        long failed = MongoCalls.call("fail jobs that ran out of attempts", () -> jobs.updateMany(
                ClaimQueries.exhausted(now, maxAttempts, skipped), ClaimQueries.fail(MongoJobStore.INTERRUPTED, now))
                .getModifiedCount());
        if (failed > 0) {
            LOG.log(Level.INFO, "{0} job(s) failed after {1} interrupted attempt(s)", failed, maxAttempts);
        }
    }
}
