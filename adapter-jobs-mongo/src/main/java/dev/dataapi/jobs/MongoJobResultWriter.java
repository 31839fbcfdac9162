package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Writes one claim's result rows to {@code job_results} as they arrive, a chunk at a time (see
 * {@link ChunkLimits}), holding at most one chunk in memory. Used from one thread, like any
 * {@link dev.dataapi.ports.ResultSink}.
 */
final class MongoJobResultWriter implements JobResultWriter {
    private static final System.Logger LOG = System.getLogger(MongoJobResultWriter.class.getName());

    private enum Phase { WRITING, FENCED_OFF, TOO_LARGE, COMPLETED, CLOSED }

    private final MongoCollection<BsonDocument> jobs;
    private final MongoCollection<BsonDocument> chunks;
    private final JobClaim claim;
    private final ChunkLimits limits;
    private final Clock clock;
    private final long chunkOverhead;

    private Phase phase = Phase.WRITING;
    private Instant expiresAt;
    private BsonArray buffered = new BsonArray();
    private long bufferedBytes;
    private int chunksWritten;
    private long rowsSeen;

    MongoJobResultWriter(MongoCollection<BsonDocument> jobs, MongoCollection<BsonDocument> chunks, JobClaim claim,
                         ChunkLimits limits, Clock clock) {
        this.jobs = jobs;
        this.chunks = chunks;
        this.claim = claim;
        this.limits = limits;
        this.clock = clock;
        // Everything but the rows; the expiry date's value does not change its size.
        this.chunkOverhead = BsonSize.of(ResultChunks.chunk(claim.jobId(), claim.token(), 0, new BsonArray(), Instant.EPOCH));
    }

    @Override
    public void columns(List<Column> columns) {
        // The columns are stored with the summary when the job completes.
    }

    @Override
    public void row(Object[] values) {
        if (phase == Phase.TOO_LARGE) {
            throw tooLarge();
        }
        if (phase != Phase.WRITING) {
            return;
        }
        rowsSeen++;
        BsonArray row = new BsonArray();
        for (Object value : values) {
            row.add(ValueCodec.encode(value));
        }
        if (chunkOverhead + BsonSize.arrayElement(0, row) > limits.maxDocumentBytes()) {
            failTooLarge();
            throw tooLarge();
        }
        if (chunkOverhead + bufferedBytes + BsonSize.arrayElement(buffered.size(), row) > limits.maxDocumentBytes()) {
            flush();
        }
        bufferedBytes += BsonSize.arrayElement(buffered.size(), row);
        buffered.add(row);
        if (bufferedBytes >= limits.targetBytes() || buffered.size() >= limits.maxRows()) {
            flush();
        }
    }

    /** True when these rows belong to {@code other}: the same job and claim token (the lease may have moved on). */
    boolean writesFor(JobClaim other) {
        return claim.jobId().equals(other.jobId()) && claim.token().equals(other.token());
    }

    /** Writes the rows still buffered; false when the rows can no longer become the job's result. */
    boolean flush() {
        if (phase != Phase.WRITING) {
            return false;
        }
        if (buffered.isEmpty()) {
            return true;
        }
        if (expiresAt == null) {
            BsonDocument job = MongoCalls.call("read job " + claim.jobId() + " before storing its result",
                    () -> jobs.find(ClaimQueries.current(claim)).projection(Projections.include(JobDocuments.EXPIRES_AT,
                            PreciseInstants.nanosField(JobDocuments.EXPIRES_AT))).first());
            if (job == null) {
                // Another worker holds the job now: its result is not ours to write.
                phase = Phase.FENCED_OFF;
                buffered = new BsonArray();
                return false;
            }
            expiresAt = JobDocuments.expiresAt(job);
        }
        BsonDocument chunk = ResultChunks.chunk(claim.jobId(), claim.token(), chunksWritten, buffered, expiresAt);
        MongoCalls.run("store result chunk " + chunksWritten + " of job " + claim.jobId(), () -> chunks.insertOne(chunk));
        chunksWritten++;
        buffered = new BsonArray();
        bufferedBytes = 0;
        return true;
    }

    int chunksWritten() {
        return chunksWritten;
    }

    void completed() {
        phase = Phase.COMPLETED;
    }

    @Override
    public void close() {
        Phase before = phase;
        phase = Phase.CLOSED;
        buffered = new BsonArray();
        if (before == Phase.COMPLETED || before == Phase.CLOSED || chunksWritten == 0) {
            return;
        }
        try {
            discardChunks();
        } catch (RuntimeException e) {
            // Best effort by contract: the chunks expire with the job anyway.
            LOG.log(Level.WARNING, "could not discard the unused result chunks of job " + claim.jobId(), e);
        }
    }

    private void discardChunks() {
        // complete() may have reported a failure after the server applied it: never delete a winning result.
        boolean won = MongoCalls.call("check the result of job " + claim.jobId(), () -> jobs.countDocuments(
                Filters.and(Filters.eq(JobDocuments.ID, JobDocuments.id(claim.jobId())),
                        Filters.eq(JobDocuments.RESULT + "." + JobDocuments.RESULT_CLAIM_TOKEN, claim.token())))) > 0;
        if (!won) {
            MongoCalls.run("discard the result chunks of job " + claim.jobId(),
                    () -> chunks.deleteMany(ResultChunks.ofClaim(claim.jobId(), claim.token())));
        }
    }

    private void failTooLarge() {
        phase = Phase.TOO_LARGE;
        buffered = new BsonArray();
        MongoCalls.run("fail job " + claim.jobId(), () -> jobs.updateOne(ClaimQueries.current(claim),
                ClaimQueries.fail(tooLargeMessage(), clock.instant())));
        try {
            discardChunks();
        } catch (JobStoreException e) {
            LOG.log(Level.WARNING, "could not discard the unused result chunks of job " + claim.jobId(), e);
        }
    }

    private JobStoreException tooLarge() {
        return new JobStoreException("job " + claim.jobId() + ": " + tooLargeMessage());
    }

    private String tooLargeMessage() {
        return "result row " + rowsSeen + " is larger than the " + (limits.maxDocumentBytes() / (1024 * 1024))
                + " MB a stored result row may take";
    }
}
