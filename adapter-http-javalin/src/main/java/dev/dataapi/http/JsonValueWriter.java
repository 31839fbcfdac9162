package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.JsonText;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes one result value (see {@link dev.dataapi.ports.ResultSink} for the types) as JSON, faithful
 * to what the database returned: exact decimals, ISO-8601 dates and times, JSON columns embedded as
 * JSON, arrays as arrays, binary as base64.
 */
final class JsonValueWriter {

    private JsonValueWriter() {
    }

    static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String) {
            out.writeString((String) value);
        } else if (value instanceof Boolean) {
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal) {
            // Jackson refuses to write a scale beyond +/-9999 in plain form, but PostgreSQL's numeric
            // allows up to 16383 (round(1::numeric/3, 10000)); the plain text is a valid JSON number.
            out.writeNumber(((BigDecimal) value).toPlainString());
        } else if (value instanceof BigInteger) {
            out.writeNumber((BigInteger) value);
        } else if (value instanceof Double) {
            writeDouble(out, (Double) value);
        } else if (value instanceof Float) {
            writeFloat(out, (Float) value);
        } else if (value instanceof JsonText) {
            out.writeRawValue(((JsonText) value).json());
        } else if (value instanceof byte[]) {
            out.writeBinary((byte[]) value);
        } else if (value instanceof List) {
            out.writeStartArray();
            for (Object element : (List<?>) value) {
                write(out, element);
            }
            out.writeEndArray();
        } else {
            out.writeString(temporalText(value));
        }
    }

    // JSON has no NaN or infinities; a string keeps the value visible instead of failing the result.
    private static void writeDouble(JsonGenerator out, double value) throws IOException {
        if (Double.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(nonFinite(value));
        }
    }

    private static void writeFloat(JsonGenerator out, float value) throws IOException {
        if (Float.isFinite(value)) {
            out.writeNumber(value);
        } else {
            out.writeString(nonFinite(value));
        }
    }

    private static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        return value > 0 ? "Infinity" : "-Infinity";
    }

    private static String temporalText(Object value) {
        if (value instanceof LocalDate) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
        } else if (value instanceof LocalTime) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format((LocalTime) value);
        } else if (value instanceof OffsetTime) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format((OffsetTime) value);
        } else if (value instanceof LocalDateTime) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format((LocalDateTime) value);
        } else if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        // Not a type the ports promise; its text is more useful to a consumer than a failed result.
        return value.toString();
    }
}
