package dev.dataapi.core;

import dev.dataapi.ports.BoundParameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fingerprint of an execution's effective parameters (the caller's values, pins and defaults):
 * the SHA-256 of an unambiguous encoding, so that an audit log can show that two executions ran
 * with the same values without holding the values themselves. Equal numbers hash alike however
 * they were written ({@code 1.50} and {@code 1.5}).
 */
final class ParametersHash {

    private ParametersHash() {
    }

    /** Lower-case hex SHA-256 of {@code parameters}, in their order. */
    static String of(List<BoundParameter> parameters) {
        StringBuilder encoded = new StringBuilder();
        for (BoundParameter parameter : parameters) {
            field(encoded, parameter.name());
            field(encoded, parameter.type().wireName());
            value(encoded, parameter.value());
        }
        return TokenHash.of(encoded.toString());
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append('N');
        } else if (value instanceof List) {
            List<?> items = (List<?>) value;
            out.append('L').append(items.size()).append('[');
            items.forEach(item -> value(out, item));
            out.append(']');
        } else if (value instanceof BigDecimal) {
            out.append('D');
            field(out, ((BigDecimal) value).stripTrailingZeros().toPlainString());
        } else {
            // Length-prefixed with a type tag: no value can be spelled to look like another, or like a separator.
            out.append(value.getClass().getSimpleName().charAt(0));
            field(out, value.toString());
        }
    }

    private static void field(StringBuilder out, String text) {
        out.append(text.getBytes(StandardCharsets.UTF_8).length).append(':').append(text);
    }
}
