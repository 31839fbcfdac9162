package dev.dataapi.jobs;

import java.util.Map;
import org.bson.BsonBinarySubType;
import org.bson.BsonValue;

/**
 * The exact number of bytes a BSON value takes once encoded, computed without encoding it, so a
 * result writer can cut chunks below MongoDB's document limit as rows arrive.
 */
final class BsonSize {
    private static final int LENGTH_PREFIX = 4;
    private static final int TERMINATOR = 1;
    private static final int TYPE_BYTE = 1;

    private BsonSize() {
    }

    /** The bytes of {@code value} itself (no type byte, no key). */
    static long of(BsonValue value) {
        switch (value.getBsonType()) {
            case NULL:
                return 0;
            case BOOLEAN:
                return 1;
            case INT32:
                return 4;
            case INT64:
            case DOUBLE:
            case DATE_TIME:
                return 8;
            case OBJECT_ID:
                return 12;
            case STRING:
                return LENGTH_PREFIX + utf8Length(value.asString().getValue()) + TERMINATOR;
            case BINARY:
                int data = value.asBinary().getData().length;
                // The deprecated OLD_BINARY subtype repeats the length inside the payload.
                int extra = value.asBinary().getType() == BsonBinarySubType.OLD_BINARY.getValue() ? 4 : 0;
                return LENGTH_PREFIX + 1 + extra + data;
            case ARRAY:
                long arrayBytes = LENGTH_PREFIX + TERMINATOR;
                int index = 0;
                for (BsonValue element : value.asArray()) {
                    arrayBytes += arrayElement(index++, element);
                }
                return arrayBytes;
            case DOCUMENT:
                long documentBytes = LENGTH_PREFIX + TERMINATOR;
                for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                    documentBytes += element(entry.getKey(), entry.getValue());
                }
                return documentBytes;
            default:
                throw new IllegalArgumentException("no size known for BSON type " + value.getBsonType());
        }
    }

    /** The bytes of {@code value} as the element named {@code key} of a document. */
    static long element(String key, BsonValue value) {
        return TYPE_BYTE + utf8Length(key) + TERMINATOR + of(value);
    }

    /** The bytes of {@code value} as element {@code index} of an array (arrays key elements "0", "1", …). */
    static long arrayElement(int index, BsonValue value) {
        return TYPE_BYTE + digits(index) + TERMINATOR + of(value);
    }

    /** Counted the way the driver encodes: a lone surrogate takes three bytes, like any other BMP character. */
    static long utf8Length(String text) {
        long bytes = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static int digits(int index) {
        return Integer.toString(index).length();
    }
}
