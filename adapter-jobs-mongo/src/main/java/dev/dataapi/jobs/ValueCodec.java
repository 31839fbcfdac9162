package dev.dataapi.jobs;

import dev.dataapi.ports.JsonText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonBoolean;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Turns result values, parameter values and share-context pins into BSON and back into the same
 * Java types. Types BSON holds natively (String, Boolean, Integer, Long, Double, byte[], lists)
 * are stored as such; the others become a small tagged document {@code {"_t": tag, "v": value}}
 * named after the PostgreSQL type. BigDecimal is kept as its exact text, because Decimal128 holds
 * only 34 digits and a numeric column may hold more; Short and Float are tagged so that they do
 * not come back widened. No untagged document is ever written, so decoding is unambiguous.
 */
final class ValueCodec {
    static final String TAG = "_t";
    static final String VALUE = "v";

    private ValueCodec() {
    }

    static BsonValue encode(Object value) {
        if (value == null) {
            return BsonNull.VALUE;
        }
        if (value instanceof String) {
            return new BsonString((String) value);
        }
        if (value instanceof Boolean) {
            return BsonBoolean.valueOf((Boolean) value);
        }
        if (value instanceof Integer) {
            return new BsonInt32((Integer) value);
        }
        if (value instanceof Long) {
            return new BsonInt64((Long) value);
        }
        if (value instanceof Double) {
            return new BsonDouble((Double) value);
        }
        if (value instanceof byte[]) {
            return new BsonBinary((byte[]) value);
        }
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            BsonArray array = new BsonArray(new ArrayList<>(list.size()));
            for (Object element : list) {
                array.add(encode(element));
            }
            return array;
        }
        return encodeTagged(value);
    }

    static Object decode(BsonValue value) {
        switch (value.getBsonType()) {
            case NULL:
                return null;
            case STRING:
                return value.asString().getValue();
            case BOOLEAN:
                return value.asBoolean().getValue();
            case INT32:
                return value.asInt32().getValue();
            case INT64:
                return value.asInt64().getValue();
            case DOUBLE:
                return value.asDouble().getValue();
            case BINARY:
                return value.asBinary().getData();
            case ARRAY:
                List<Object> list = new ArrayList<>(value.asArray().size());
                for (BsonValue element : value.asArray()) {
                    list.add(decode(element));
                }
                return Collections.unmodifiableList(list);
            case DOCUMENT:
                return decodeTagged(value.asDocument());
            default:
                throw new IllegalArgumentException("a stored value has the unexpected BSON type " + value.getBsonType());
        }
    }

    private static BsonValue encodeTagged(Object value) {
        if (value instanceof BigDecimal) {
            return tagged("numeric", new BsonString(((BigDecimal) value).toString()));
        }
        if (value instanceof Short) {
            return tagged("int2", new BsonInt32((Short) value));
        }
        if (value instanceof Float) {
            return tagged("float4", new BsonDouble((Float) value));
        }
        if (value instanceof LocalDate) {
            return tagged("date", new BsonString(value.toString()));
        }
        if (value instanceof LocalTime) {
            return tagged("time", new BsonString(value.toString()));
        }
        if (value instanceof OffsetTime) {
            return tagged("timetz", new BsonString(value.toString()));
        }
        if (value instanceof LocalDateTime) {
            return tagged("timestamp", new BsonString(value.toString()));
        }
        if (value instanceof OffsetDateTime) {
            return tagged("timestamptz", new BsonString(value.toString()));
        }
        if (value instanceof JsonText) {
            return tagged("json", new BsonString(((JsonText) value).json()));
        }
        throw new IllegalArgumentException("cannot store a value of type " + value.getClass().getName());
    }

    private static BsonDocument tagged(String tag, BsonValue value) {
        return new BsonDocument(TAG, new BsonString(tag)).append(VALUE, value);
    }

    private static Object decodeTagged(BsonDocument document) {
        String tag = document.getString(TAG).getValue();
        BsonValue value = document.get(VALUE);
        switch (tag) {
            case "numeric":
                return new BigDecimal(value.asString().getValue());
            case "int2":
                return (short) value.asInt32().getValue();
            case "float4":
                return (float) value.asDouble().getValue();
            case "date":
                return LocalDate.parse(value.asString().getValue());
            case "time":
                return LocalTime.parse(value.asString().getValue());
            case "timetz":
                return OffsetTime.parse(value.asString().getValue());
            case "timestamp":
                return LocalDateTime.parse(value.asString().getValue());
            case "timestamptz":
                return OffsetDateTime.parse(value.asString().getValue());
            case "json":
                return new JsonText(value.asString().getValue());
            default:
                throw new IllegalArgumentException("a stored value has the unknown tag '" + tag + "'");
        }
    }
}
