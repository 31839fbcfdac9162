package dev.dataapi.jobs;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.ShareContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;

/**
 * The layout of a job document in the {@code jobs} collection, and its mapping to {@link Job}.
 * Besides the job's own fields a running job carries {@code claim_token} and {@code lease_until};
 * a completed job's {@code result} also records how many chunks hold its rows and which claim
 * wrote them; a job with a callback URL has a {@code callback} sub-document ({@link CallbackDocuments}).
 */
final class JobDocuments {
    static final String ID = "_id";
    static final String COMPANY = "company";
    static final String NAMESPACE = "namespace";
    static final String SLUG = "slug";
    static final String API_KEY_ID = "api_key_id";
    static final String SHARE_CONTEXT = "share_context";
    static final String QUERY = "query";
    static final String CALLBACK_URL = "callback_url";
    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String CREATED_AT = "created_at";
    static final String COMPLETED_AT = "completed_at";
    static final String ERROR = "error";
    static final String RESULT = "result";
    static final String EXPIRES_AT = "expires_at";
    static final String CLAIM_TOKEN = "claim_token";
    static final String LEASE_UNTIL = "lease_until";

    static final String RESULT_COLUMNS = "columns";
    static final String RESULT_ROW_COUNT = "row_count";
    static final String RESULT_TRUNCATED = "truncated";
    static final String RESULT_CHUNKS = "chunks";
    static final String RESULT_CLAIM_TOKEN = "claim_token";

    private static final String COLUMN_NAME = "name";
    private static final String COLUMN_TYPE = "type";

    private JobDocuments() {
    }

    static BsonObjectId id(JobId id) {
        return new BsonObjectId(new ObjectId(id.value()));
    }

    /**
     * The document for a job as submitted. A job stored as running gets a lease that has already
     * lapsed, so a worker picks it up again rather than it staying running forever.
     */
    static BsonDocument toDocument(Job job) {
        BsonDocument document = new BsonDocument(ID, id(job.id()))
                .append(COMPANY, new BsonString(job.company().value()))
                .append(NAMESPACE, new BsonString(job.endpoint().namespace()))
                .append(SLUG, new BsonString(job.endpoint().slug()))
                .append(API_KEY_ID, new BsonString(job.apiKeyId()))
                .append(SHARE_CONTEXT, shareContext(job.shareContext()))
                .append(QUERY, QueryDocuments.toDocument(job.query()));
        job.callbackUrl().ifPresent(url -> document.append(CALLBACK_URL, new BsonString(url)));
        job.callback().ifPresent(state -> document.append(CallbackDocuments.CALLBACK, CallbackDocuments.toDocument(state)));
        document.append(STATE, new BsonString(job.state().name()))
                .append(ATTEMPTS, new BsonInt32(job.attempts()));
        PreciseInstants.put(document, CREATED_AT, job.createdAt());
        PreciseInstants.put(document, EXPIRES_AT, job.expiresAt());
        job.completedAt().ifPresent(at -> PreciseInstants.put(document, COMPLETED_AT, at));
        job.error().ifPresent(error -> document.append(ERROR, new BsonString(error)));
        job.result().ifPresent(summary -> document.append(RESULT, result(summary, 0, "")));
        if (job.state() == JobState.RUNNING) {
            PreciseInstants.put(document, LEASE_UNTIL, job.createdAt());
        }
        return document;
    }

    /** Rebuilds a job; throws an unchecked exception when the document is not a well-formed job. */
    static Job toJob(BsonDocument document) {
        JobId id = new JobId(document.getObjectId(ID).getValue().toHexString());
        Optional<String> callbackUrl = optionalString(document, CALLBACK_URL);
        Optional<ResultSummary> result = document.containsKey(RESULT)
                ? Optional.of(summary(document.getDocument(RESULT))) : Optional.empty();
        // Jobs stored before deliveries were tracked have a URL but no callback state: they read as pending.
        Optional<CallbackState> callback = document.containsKey(CallbackDocuments.CALLBACK)
                ? Optional.of(CallbackDocuments.toState(document.getDocument(CallbackDocuments.CALLBACK)))
                : callbackUrl.map(url -> CallbackState.pending());
        return new Job(id,
                new CompanyId(document.getString(COMPANY).getValue()),
                new EndpointRef(document.getString(NAMESPACE).getValue(), document.getString(SLUG).getValue()),
                document.getString(API_KEY_ID).getValue(),
                shareContext(document.getDocument(SHARE_CONTEXT)),
                QueryDocuments.toQuery(document.getDocument(QUERY)),
                callbackUrl,
                JobState.valueOf(document.getString(STATE).getValue()),
                document.getInt32(ATTEMPTS).getValue(),
                PreciseInstants.require(document, CREATED_AT),
                PreciseInstants.get(document, COMPLETED_AT),
                optionalString(document, ERROR),
                result,
                PreciseInstants.require(document, EXPIRES_AT),
                callback);
    }

    /** A completed job's {@code result}: the summary, plus where its rows are stored. */
    static BsonDocument result(ResultSummary summary, int chunks, String claimToken) {
        BsonArray columns = new BsonArray();
        for (Column column : summary.columns()) {
            columns.add(new BsonDocument(COLUMN_NAME, new BsonString(column.name()))
                    .append(COLUMN_TYPE, new BsonString(column.type())));
        }
        return new BsonDocument(RESULT_COLUMNS, columns)
                .append(RESULT_ROW_COUNT, new BsonInt32(summary.rowCount()))
                .append(RESULT_TRUNCATED, BsonBoolean.valueOf(summary.truncated()))
                .append(RESULT_CHUNKS, new BsonInt32(chunks))
                .append(RESULT_CLAIM_TOKEN, new BsonString(claimToken));
    }

    static ResultSummary summary(BsonDocument result) {
        List<Column> columns = new ArrayList<>();
        for (BsonValue column : result.getArray(RESULT_COLUMNS)) {
            BsonDocument fields = column.asDocument();
            columns.add(new Column(fields.getString(COLUMN_NAME).getValue(), fields.getString(COLUMN_TYPE).getValue()));
        }
        return new ResultSummary(columns, result.getInt32(RESULT_ROW_COUNT).getValue(),
                result.getBoolean(RESULT_TRUNCATED).getValue());
    }

    /** When the job's retention ends. */
    static Instant expiresAt(BsonDocument document) {
        return PreciseInstants.require(document, EXPIRES_AT);
    }

    private static BsonDocument shareContext(ShareContext shareContext) {
        BsonDocument pins = new BsonDocument();
        shareContext.pins().forEach((name, value) -> pins.append(name, ValueCodec.encode(value)));
        return pins;
    }

    private static ShareContext shareContext(BsonDocument pins) {
        Map<String, Object> values = new LinkedHashMap<>();
        pins.forEach((name, value) -> values.put(name, ValueCodec.decode(value)));
        return new ShareContext(values);
    }

    private static Optional<String> optionalString(BsonDocument document, String field) {
        return document.containsKey(field) && !document.isNull(field)
                ? Optional.of(document.getString(field).getValue()) : Optional.empty();
    }
}
