package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ResultSink;
import java.time.Instant;
import org.bson.BsonArray;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * The {@code job_results} collection: a job's rows in chunk documents
 * {@code {job_id, claim_token, seq, rows: [[v, …], …], expires_at}}. Chunks are keyed by the
 * claim that wrote them, so a fenced-off worker's rows never mix with the winner's, and they
 * expire with their job.
 */
final class ResultChunks {
    static final String JOB_ID = "job_id";
    static final String CLAIM_TOKEN = "claim_token";
    static final String SEQ = "seq";
    static final String ROWS = "rows";
    static final String EXPIRES_AT = "expires_at";

    /** Chunks are read one or two at a time, so reading holds at most a couple of chunks in memory. */
    private static final int READ_BATCH = 2;

    private ResultChunks() {
    }

    /** A chunk document; {@code rows} may still be filled after this returns. */
    static BsonDocument chunk(JobId job, String claimToken, int seq, BsonArray rows, Instant expiresAt) {
        return new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append(JOB_ID, JobDocuments.id(job))
                .append(CLAIM_TOKEN, new BsonString(claimToken))
                .append(SEQ, new BsonInt32(seq))
                .append(ROWS, rows)
                // A plain date, not a precise instant: only the TTL monitor reads it.
                .append(EXPIRES_AT, new BsonDateTime(expiresAt.toEpochMilli()));
    }

    static Bson ofClaim(JobId job, String claimToken) {
        return Filters.and(Filters.eq(JOB_ID, JobDocuments.id(job)), Filters.eq(CLAIM_TOKEN, claimToken));
    }

    static Bson ofOtherClaims(JobId job, String claimToken) {
        return Filters.and(Filters.eq(JOB_ID, JobDocuments.id(job)), Filters.ne(CLAIM_TOKEN, claimToken));
    }

    /**
     * Streams the rows of the chunks {@code claimToken} wrote, in order, into {@code sink}; throws
     * when a chunk is missing, so a partial result is never passed off as complete.
     */
    static void read(MongoCollection<BsonDocument> chunks, JobId job, String claimToken, int expectedChunks,
                     ResultSink sink) {
        String operation = "read the result of job " + job;
        int seq = 0;
        MongoCursor<BsonDocument> cursor = MongoCalls.call(operation, () -> chunks.find(ofClaim(job, claimToken))
                .sort(Sorts.ascending(SEQ)).batchSize(READ_BATCH).iterator());
        try (cursor) {
            while (MongoCalls.call(operation, cursor::hasNext)) {
                BsonDocument chunk = MongoCalls.call(operation, cursor::next);
                BsonArray rows = storedRows(job, chunk, seq);
                for (BsonValue row : rows) {
                    // Decoded one row at a time; the sink's own failures pass through untouched.
                    sink.row(row(job, row));
                }
                seq++;
            }
        }
        if (seq != expectedChunks) {
            throw new JobStoreException("the stored result of job " + job + " is incomplete: " + seq + " of "
                    + expectedChunks + " chunks found");
        }
    }

    private static BsonArray storedRows(JobId job, BsonDocument chunk, int expectedSeq) {
        int seq;
        BsonArray rows;
        try {
            seq = chunk.getInt32(SEQ).getValue();
            rows = chunk.getArray(ROWS);
        } catch (BsonInvalidOperationException e) {
            throw new JobStoreException("the stored result of job " + job + " cannot be read", e);
        }
        if (seq != expectedSeq) {
            throw new JobStoreException("the stored result of job " + job + " is incomplete: chunk " + expectedSeq
                    + " is missing");
        }
        return rows;
    }

    private static Object[] row(JobId job, BsonValue stored) {
        try {
            BsonArray values = stored.asArray();
            Object[] row = new Object[values.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = ValueCodec.decode(values.get(i));
            }
            return row;
        } catch (RuntimeException e) {
            // Whatever a malformed value makes the BSON accessors or java.time parsers throw.
            throw new JobStoreException("the stored result of job " + job + " cannot be read", e);
        }
    }
}
