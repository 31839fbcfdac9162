package dev.dataapi.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Spells values for messages, the way a consumer would write them in JSON. */
final class ValueText {
    private static final int LONGEST_SHOWN = 60;
    private static final int MOST_LISTED = 20;
    private static final int SIGNIFICANT_SHOWN = 12;

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
            return number((BigDecimal) value);
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

    /**
     * Plain digits when they are short; otherwise scientific notation rounded to a few digits, since
     * {@code 1e100000000} in plain digits is a hundred million characters.
     */
    private static String number(BigDecimal value) {
        int scale = value.scale();
        if (value.precision() <= LONGEST_SHOWN && scale <= LONGEST_SHOWN && scale >= -LONGEST_SHOWN) {
            return value.toPlainString();
        }
        boolean rounded = value.precision() > SIGNIFICANT_SHOWN;
        String scientific = value.round(new MathContext(SIGNIFICANT_SHOWN, RoundingMode.HALF_EVEN)).toString();
        if (!rounded) {
            return scientific;
        }
        // Mark the rounding where the digits end, so nobody takes the shown value for the one sent.
        int exponent = scientific.indexOf('E');
        return exponent < 0 ? scientific + "…" : scientific.substring(0, exponent) + "…" + scientific.substring(exponent);
    }

    private static String shorten(String text) {
        if (text.length() <= LONGEST_SHOWN) {
            return text;
        }
        // Never cut between the two halves of a surrogate pair.
        int end = Character.isHighSurrogate(text.charAt(LONGEST_SHOWN - 1)) ? LONGEST_SHOWN - 1 : LONGEST_SHOWN;
        return text.substring(0, end) + "…";
    }
}
