package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;

/**
 * Deletes the jobs and result chunks whose retention ended. MongoDB's TTL indexes
 * ({@link JobIndexes}) do this on their own about once a minute, but a server without TTL support,
 * like the embedded one, would keep every job and result forever, and each claim and queue count
 * would scan an ever longer history. So claiming workers also sweep, once a minute per store (by
 * the callers' clock); on MongoDB they mostly find nothing left. Reads never show an expired job
 * either way. Thread-safe.
 */
final class ExpiredJobSweep {
    private static final System.Logger LOG = System.getLogger(ExpiredJobSweep.class.getName());
    private static final Duration INTERVAL = Duration.ofMinutes(1);

    private final IntervalGate gate = new IntervalGate(INTERVAL);
    private final MongoCollection<BsonDocument> jobs;
    private final MongoCollection<BsonDocument> chunks;

    ExpiredJobSweep(MongoCollection<BsonDocument> jobs, MongoCollection<BsonDocument> chunks) {
        this.jobs = jobs;
        this.chunks = chunks;
    }

    /** Sweeps at {@code now} unless a sweep ran less than an interval before. */
    void runIfDue(Instant now) {
        if (gate.tryPass(now)) {
            run(now);
        }
    }

    /**
     * Deletes what expired at or before {@code now}: jobs first, so no job is left whose result
     * is gone. A chunk keeps its job's expiry rounded down to the millisecond, so one expiring
     * before {@code now}'s millisecond belongs to an expired job.
     *
     * @return how many jobs were deleted
     */
    long run(Instant now) {
        long deletedJobs = MongoCalls.call("delete expired jobs",
                () -> jobs.deleteMany(PreciseInstants.atOrBefore(JobDocuments.EXPIRES_AT, now)).getDeletedCount());
        long deletedChunks = MongoCalls.call("delete expired job results", () -> chunks.deleteMany(
                Filters.lt(ResultChunks.EXPIRES_AT, new BsonDateTime(now.toEpochMilli()))).getDeletedCount());
        if (deletedJobs > 0 || deletedChunks > 0) {
            LOG.log(Level.DEBUG, "deleted {0} expired job(s) and {1} result chunk(s)", deletedJobs, deletedChunks);
        }
        return deletedJobs;
    }
}
