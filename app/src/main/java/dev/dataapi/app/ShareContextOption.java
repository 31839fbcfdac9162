package dev.dataapi.app;

import dev.dataapi.app.catalog.PlainScalars;
import dev.dataapi.ports.ShareContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Share-context pins on the command line: {@code region=Sul,regions=[Sul|Sudeste],year=2024}.
 * Values are typed as in a catalog file, so a pin means the same in both: {@code true}/{@code false}
 * are booleans, decimal numbers are numbers, anything else is text; a value in double or single
 * quotes is always text ({@code code="007"}). Whether each pin fits the parameters it pins is then
 * checked by the catalog rules, as for a file.
 */
final class ShareContextOption implements ITypeConverter<ShareContext> {

    @Override
    public ShareContext convert(String value) {
        Map<String, Object> pins = new LinkedHashMap<>();
        Cursor cursor = new Cursor(value);
        do {
            String name = cursor.upTo('=').trim();
            if (!cursor.take('=') || name.isEmpty()) {
                throw new TypeConversionException("expected name=value or name=[a|b] pins separated by commas, got '" + value + "'");
            }
            Object pin = cursor.peek('[') ? list(cursor, name) : cursor.scalar(name);
            if (pins.put(name, pin) != null) {
                throw new TypeConversionException("'" + name + "' is pinned twice");
            }
        } while (cursor.take(','));
        if (!cursor.atEnd()) {
            throw new TypeConversionException("unexpected '" + cursor.rest() + "' in '" + value + "'");
        }
        try {
            return new ShareContext(pins);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The pins as this option spells them, so a listing can be pasted back into a command. */
    static String format(ShareContext context) {
        return context.pins().entrySet().stream()
                .map(pin -> pin.getKey() + "=" + format(pin.getValue()))
                .collect(Collectors.joining(","));
    }

    /** One pinned value as this option spells it. */
    static String format(Object value) {
        if (value instanceof List) {
            return ((List<?>) value).stream().map(ShareContextOption::format).collect(Collectors.joining("|", "[", "]"));
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        String text = String.valueOf(value);
        boolean plain = !(value instanceof String) || PlainScalars.staysText(text) && text.equals(text.trim())
                && text.chars().noneMatch(c -> ",|[]\"'".indexOf(c) >= 0);
        return plain ? text : "\"" + text + "\"";
    }

    private static List<Object> list(Cursor cursor, String name) {
        cursor.take('[');
        List<Object> items = new ArrayList<>();
        if (!cursor.take(']')) {
            do {
                items.add(cursor.scalar(name));
            } while (cursor.take('|'));
            if (!cursor.take(']')) {
                throw new TypeConversionException("the list pinned for '" + name + "' must end with ']'");
            }
        }
        return items;
    }

    /** Reads the option's text left to right. */
    private static final class Cursor {
        private static final String ENDS_SCALAR = ",|]";

        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        String rest() {
            return text.substring(position);
        }

        boolean peek(char expected) {
            skipSpaces();
            return !atEnd() && text.charAt(position) == expected;
        }

        boolean take(char expected) {
            if (peek(expected)) {
                position++;
                return true;
            }
            return false;
        }

        String upTo(char end) {
            int start = position;
            while (!atEnd() && text.charAt(position) != end && ENDS_SCALAR.indexOf(text.charAt(position)) < 0) {
                position++;
            }
            return text.substring(start, position);
        }

        /** A quoted value is text as written; a plain one is trimmed and typed like a YAML scalar. */
        Object scalar(String name) {
            skipSpaces();
            if (!atEnd() && (text.charAt(position) == '"' || text.charAt(position) == '\'')) {
                char quote = text.charAt(position++);
                int close = text.indexOf(quote, position);
                if (close < 0) {
                    throw new TypeConversionException("the value pinned for '" + name + "' has no closing " + quote);
                }
                String quoted = text.substring(position, close);
                position = close + 1;
                return quoted;
            }
            int start = position;
            while (!atEnd() && ENDS_SCALAR.indexOf(text.charAt(position)) < 0) {
                position++;
            }
            Object value = PlainScalars.resolve(text.substring(start, position).trim());
            if (value == null) {
                throw new TypeConversionException("'" + name + "' needs a value (quote it for empty text: " + name + "=\"\")");
            }
            return value;
        }

        private void skipSpaces() {
            while (!atEnd() && text.charAt(position) == ' ') {
                position++;
            }
        }
    }
}
