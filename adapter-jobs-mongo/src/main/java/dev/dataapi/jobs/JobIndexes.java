package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;

/**
 * The indexes of both collections. Creating an index that already exists with the same keys and
 * options does nothing, so this runs at every start; the names are fixed so that a changed
 * definition is reported by the server instead of silently adding a second index.
 */
final class JobIndexes {
    static final String CLAIM = "claim";
    static final String DELIVERY = "delivery";
    static final String QUEUED = "queued";
    static final String QUEUED_BY_COMPANY = "queued_by_company";
    static final String EXPIRY = "expiry";
    static final String CHUNKS = "chunks";

    private JobIndexes() {
    }

    static void create(MongoCollection<BsonDocument> jobs, MongoCollection<BsonDocument> chunks) {
        MongoCalls.run("create the job indexes", () -> jobs.createIndexes(List.of(
                new IndexModel(Indexes.ascending(JobDocuments.STATE, JobDocuments.LEASE_UNTIL, JobDocuments.CREATED_AT),
                        new IndexOptions().name(CLAIM)),
                // Equality on the pending status first: delivered, failed and callback-less jobs stay out
                // of the scan, and the few pending ones come in creation order per job state.
                new IndexModel(Indexes.ascending(CallbackDocuments.path(CallbackDocuments.STATUS), JobDocuments.STATE,
                        JobDocuments.CREATED_AT), new IndexOptions().name(DELIVERY)),
                // Counted on every async submission: the state and the full expiry instant are all the
                // count looks at, so it reads the index alone and never the job documents.
                new IndexModel(Indexes.ascending(JobDocuments.STATE, JobDocuments.EXPIRES_AT,
                        PreciseInstants.nanosField(JobDocuments.EXPIRES_AT)), new IndexOptions().name(QUEUED)),
                // The same, per company: counted on every async submission against the company's share.
                new IndexModel(Indexes.ascending(JobDocuments.COMPANY, JobDocuments.STATE, JobDocuments.EXPIRES_AT,
                        PreciseInstants.nanosField(JobDocuments.EXPIRES_AT)), new IndexOptions().name(QUEUED_BY_COMPANY)),
                expiry(JobDocuments.EXPIRES_AT))));
        MongoCalls.run("create the result chunk indexes", () -> chunks.createIndexes(List.of(
                new IndexModel(Indexes.ascending(ResultChunks.JOB_ID, ResultChunks.CLAIM_TOKEN, ResultChunks.SEQ),
                        new IndexOptions().name(CHUNKS).unique(true)),
                expiry(ResultChunks.EXPIRES_AT))));
    }

    /** Deletes a document once its {@code field} date has passed (checked by the server about once a minute). */
    private static IndexModel expiry(String field) {
        return new IndexModel(Indexes.ascending(field), new IndexOptions().name(EXPIRY).expireAfter(0L, TimeUnit.SECONDS));
    }
}
