package dev.dataapi.ports;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The element type of a parameter, and the one place that decides which input value is a valid
 * value of that type.
 *
 * <p>Input values are JSON-shaped Java objects: {@link String}, {@link Boolean}, {@link BigDecimal}
 * (any JSON number), {@link java.util.List}, {@link java.util.Map} or {@code null}. Coercion is
 * strict: a JSON string is never accepted for a number or a boolean, and a number is never accepted
 * for a string. The typed values it yields are {@link String}, {@link Long}, {@link BigDecimal},
 * {@link Boolean}, {@link LocalDate} and {@link OffsetDateTime} (normalised to UTC).
 */
public enum ScalarType {
    /** Text without NUL characters; binds as text. */
    STRING("a string (text without NUL characters)"),
    /** A whole number in the 64-bit range, given as a JSON number; typed as {@link Long}. */
    INTEGER("an integer (a JSON number without a fraction, 64-bit range)"),
    /** Any JSON number, kept exactly; typed as {@link BigDecimal}. */
    NUMBER("a number (a JSON number)"),
    /** {@code true} or {@code false}. */
    BOOLEAN("a boolean (true or false)"),
    /** An ISO-8601 date string ({@code YYYY-MM-DD}); typed as {@link LocalDate}. */
    DATE("a date as an ISO-8601 string (YYYY-MM-DD, years 1 to 9999)"),
    /** An ISO-8601 timestamp string with an offset; typed as {@link OffsetDateTime} in UTC. */
    TIMESTAMP("a timestamp as an ISO-8601 string with an offset (e.g. 2026-04-11T10:30:00Z, years 1 to 9999)");

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    /** Years every database handles the same way; PostgreSQL's wider range would turn extremes into 'infinity'. */
    private static final LocalDate FIRST_DATE = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(9999, 12, 31);

    private final String expectation;

    ScalarType(String expectation) {
        this.expectation = expectation;
    }

    /**
     * The lower-case name used in catalog files.
     *
     * @return e.g. {@code timestamp}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * What a valid value looks like, for error messages.
     *
     * @return a phrase such as "an integer (…)"
     */
    public String expectation() {
        return expectation;
    }

    /**
     * The typed value for {@code raw}, or empty when {@code raw} is not a value of this type.
     *
     * @param raw a JSON-shaped value, or an already typed one
     * @return the typed value, or empty (also for null)
     */
    public Optional<Object> coerce(Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        switch (this) {
            case STRING:
                return raw instanceof String && isStorableText((String) raw) ? Optional.of(raw) : Optional.empty();
            case BOOLEAN:
                return raw instanceof Boolean ? Optional.of(raw) : Optional.empty();
            case INTEGER:
                return toBigDecimal(raw).flatMap(ScalarType::toLong);
            case NUMBER:
                return toBigDecimal(raw).map(value -> value);
            case DATE:
                return toDate(raw);
            case TIMESTAMP:
                return toTimestamp(raw);
            default:
                throw new IllegalStateException("unhandled type " + this);
        }
    }

    /**
     * Orders two typed values of this type (for min and max). Only integer, number, date and
     * timestamp are ordered.
     *
     * @param left  a typed value of this type
     * @param right a typed value of this type
     * @return negative, zero or positive as {@code left} is before, equal to or after {@code right}
     * @throws IllegalArgumentException for a type without order
     */
    public int compare(Object left, Object right) {
        switch (this) {
            case INTEGER:
                return Long.compare((Long) left, (Long) right);
            case NUMBER:
                return ((BigDecimal) left).compareTo((BigDecimal) right);
            case DATE:
                return ((LocalDate) left).compareTo((LocalDate) right);
            case TIMESTAMP:
                return ((OffsetDateTime) left).compareTo((OffsetDateTime) right);
            default:
                throw new IllegalArgumentException("values of type " + wireName() + " have no order");
        }
    }

    /**
     * True for the types that {@code min} and {@code max} apply to.
     *
     * @return whether values of this type are ordered
     */
    public boolean isOrdered() {
        return this == INTEGER || this == NUMBER || this == DATE || this == TIMESTAMP;
    }

    /**
     * True when two typed values of this type are the same value (numbers compare by value, not scale).
     *
     * @param left  a typed value of this type
     * @param right a typed value of this type
     * @return whether they are equal as values
     */
    public boolean sameValue(Object left, Object right) {
        if (this == NUMBER) {
            return ((BigDecimal) left).compareTo((BigDecimal) right) == 0;
        }
        if (this == TIMESTAMP) {
            return ((OffsetDateTime) left).isEqual((OffsetDateTime) right);
        }
        return left.equals(right);
    }

    /**
     * Parses a wire name such as {@code string}; throws naming the accepted values otherwise.
     *
     * @param value the catalog's spelling
     * @return the type
     * @throws IllegalArgumentException when {@code value} names no type
     */
    public static ScalarType fromWire(String value) {
        for (ScalarType type : values()) {
            if (type.wireName().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be one of string, integer, number, boolean, date, timestamp"
                + " (or a list such as string[]), got " + Names.quote(value));
    }

    private static Optional<BigDecimal> toBigDecimal(Object raw) {
        if (raw instanceof BigDecimal) {
            return Optional.of((BigDecimal) raw);
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return Optional.of(BigDecimal.valueOf(((Number) raw).longValue()));
        }
        if (raw instanceof BigInteger) {
            return Optional.of(new BigDecimal((BigInteger) raw));
        }
        if (raw instanceof Double || raw instanceof Float) {
            double value = ((Number) raw).doubleValue();
            return Double.isFinite(value) ? Optional.of(new BigDecimal(Double.toString(value))) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Object> toLong(BigDecimal value) {
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
            return Optional.empty();
        }
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    /** Text a database can store: no NUL character and no unpaired surrogate (which would be silently replaced). */
    private static boolean isStorableText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<Object> toDate(Object raw) {
        LocalDate date;
        if (raw instanceof LocalDate) {
            date = (LocalDate) raw;
        } else if (raw instanceof String) {
            try {
                date = LocalDate.parse((String) raw, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return inRange(date) ? Optional.of(date) : Optional.empty();
    }

    private static boolean inRange(LocalDate date) {
        return !date.isBefore(FIRST_DATE) && !date.isAfter(LAST_DATE);
    }

    private static Optional<Object> toTimestamp(Object raw) {
        try {
            OffsetDateTime utc;
            if (raw instanceof OffsetDateTime) {
                utc = ((OffsetDateTime) raw).withOffsetSameInstant(ZoneOffset.UTC);
            } else if (raw instanceof Instant) {
                utc = ((Instant) raw).atOffset(ZoneOffset.UTC);
            } else if (raw instanceof String) {
                utc = OffsetDateTime.parse((String) raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        .withOffsetSameInstant(ZoneOffset.UTC);
            } else {
                return Optional.empty();
            }
            return inRange(utc.toLocalDate()) ? Optional.of(utc) : Optional.empty();
        } catch (DateTimeException e) {
            // Unparseable, or an instant at the edge of the representable range that no offset can hold.
            return Optional.empty();
        }
    }
}
