package dev.dataapi.examples.embedded;

import dev.dataapi.ports.JsonText;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

/**
 * Writes the values a query executor hands to a sink as JSON: numbers and booleans as themselves
 * (decimals exactly, never through a double), JSON columns embedded, bytes as base64, lists as
 * arrays, everything else (text, dates, timestamps) as a string. JDK only, like the rest of the example.
 */
final class JsonWriter {

    private JsonWriter() {
    }

    /** Appends {@code value} as JSON to {@code out}. */
    static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toPlainString());
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof JsonText) {
            out.append(((JsonText) value).json());
        } else if (value instanceof byte[]) {
            string(out, Base64.getEncoder().encodeToString((byte[]) value));
        } else if (value instanceof List) {
            out.append('[');
            String separator = "";
            for (Object element : (List<?>) value) {
                out.append(separator);
                value(out, element);
                separator = ",";
            }
            out.append(']');
        } else {
            string(out, value.toString());
        }
    }

    /** Appends {@code text} as a JSON string to {@code out}. */
    static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
