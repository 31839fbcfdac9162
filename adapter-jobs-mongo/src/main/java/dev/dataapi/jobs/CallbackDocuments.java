package dev.dataapi.jobs;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * The layout of a job's {@code callback} sub-document: the webhook delivery's {@code status},
 * {@code attempts}, {@code last_status_code} and {@code next_attempt_at} (present only when set),
 * plus, while a sender holds the delivery, that claim's {@code token} and {@code lease_until}.
 * Instants are {@link PreciseInstants}, so a retry falls due exactly at its instant.
 */
final class CallbackDocuments {
    static final String CALLBACK = "callback";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String LAST_STATUS_CODE = "last_status_code";
    static final String NEXT_ATTEMPT_AT = "next_attempt_at";
    static final String TOKEN = "token";
    static final String LEASE_UNTIL = "lease_until";

    private CallbackDocuments() {
    }

    /** The dotted path of {@code field} inside a job document, for filters, updates and indexes. */
    static String path(String field) {
        return CALLBACK + "." + field;
    }

    /** The sub-document of {@code state}, held by no sender. */
    static BsonDocument toDocument(CallbackState state) {
        BsonDocument document = new BsonDocument(STATUS, new BsonString(state.status().name()))
                .append(ATTEMPTS, new BsonInt32(state.attempts()));
        state.lastStatusCode().ifPresent(code -> document.append(LAST_STATUS_CODE, new BsonInt32(code)));
        state.nextAttemptAt().ifPresent(next -> PreciseInstants.put(document, NEXT_ATTEMPT_AT, next));
        return document;
    }

    /** The state in {@code document}; a claim's token and lease are not part of it. */
    static CallbackState toState(BsonDocument document) {
        Optional<Integer> lastStatusCode = document.containsKey(LAST_STATUS_CODE) && !document.isNull(LAST_STATUS_CODE)
                ? Optional.of(document.getInt32(LAST_STATUS_CODE).getValue()) : Optional.empty();
        return new CallbackState(CallbackStatus.valueOf(document.getString(STATUS).getValue()),
                document.getInt32(ATTEMPTS).getValue(), lastStatusCode, PreciseInstants.get(document, NEXT_ATTEMPT_AT));
    }
}
