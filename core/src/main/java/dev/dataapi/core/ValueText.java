package dev.dataapi.core;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Spells values for messages, the way a consumer would write them in JSON. */
final class ValueText {
    private static final int LONGEST_SHOWN = 60;
    private static final int MOST_LISTED = 20;

    private ValueText() {
    }

    /** A typed value or a raw input value, quoted when it is text and shortened when it is long. */
    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "'" + shorten((String) value) + "'";
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        if (value instanceof List) {
            return "a list";
        }
        return shorten(value.toString());
    }

    /** A short list of values, or their number when there are too many to read. */
    static String list(List<?> values) {
        if (values.size() > MOST_LISTED) {
            return "one of the " + values.size() + " allowed values";
        }
        return values.stream().map(ValueText::of).collect(Collectors.joining(", "));
    }

    /** A name the caller sent, quoted and shortened. */
    static String name(String name) {
        return "'" + shorten(name) + "'";
    }

    private static String shorten(String text) {
        return text.length() <= LONGEST_SHOWN ? text : text.substring(0, LONGEST_SHOWN) + "…";
    }
}
