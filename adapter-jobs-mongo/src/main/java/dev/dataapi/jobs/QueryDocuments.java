package dev.dataapi.jobs;

import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.QueryRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A job's {@link QueryRequest} as a sub-document: SQL text, every bound parameter with its type's
 * wire name and its typed value, the row limit, the timeout in milliseconds (plus any nanoseconds
 * below one, so it reads back equal) and the request id.
 */
final class QueryDocuments {
    private static final String SQL = "sql";
    private static final String PARAMETERS = "parameters";
    private static final String NAME = "name";
    private static final String TYPE = "type";
    private static final String VALUE = "value";
    private static final String MAX_ROWS = "max_rows";
    private static final String TIMEOUT_MS = "timeout_ms";
    private static final String TIMEOUT_NS = "timeout_ns";
    private static final String REQUEST_ID = "request_id";

    private QueryDocuments() {
    }

    static BsonDocument toDocument(QueryRequest query) {
        BsonArray parameters = new BsonArray();
        for (BoundParameter parameter : query.parameters()) {
            parameters.add(new BsonDocument(NAME, new BsonString(parameter.name()))
                    .append(TYPE, new BsonString(parameter.type().wireName()))
                    .append(VALUE, ValueCodec.encode(parameter.value())));
        }
        long millis = query.timeout().toMillis();
        BsonDocument document = new BsonDocument(SQL, new BsonString(query.sql()))
                .append(PARAMETERS, parameters)
                .append(MAX_ROWS, new BsonInt32(query.maxRows()))
                .append(TIMEOUT_MS, new BsonInt64(millis));
        int nanos = query.timeout().minusMillis(millis).getNano();
        if (nanos != 0) {
            document.append(TIMEOUT_NS, new BsonInt32(nanos));
        }
        return document.append(REQUEST_ID, new BsonString(query.requestId()));
    }

    static QueryRequest toQuery(BsonDocument document) {
        List<BoundParameter> parameters = new ArrayList<>();
        for (BsonValue element : document.getArray(PARAMETERS)) {
            BsonDocument parameter = element.asDocument();
            parameters.add(new BoundParameter(parameter.getString(NAME).getValue(),
                    ParameterType.fromWire(parameter.getString(TYPE).getValue()),
                    ValueCodec.decode(parameter.get(VALUE))));
        }
        Duration timeout = Duration.ofMillis(document.getInt64(TIMEOUT_MS).getValue())
                .plusNanos(document.getInt32(TIMEOUT_NS, new BsonInt32(0)).getValue());
        return new QueryRequest(document.getString(SQL).getValue(), parameters,
                document.getInt32(MAX_ROWS).getValue(), timeout, document.getString(REQUEST_ID).getValue());
    }
}
