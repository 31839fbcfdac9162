package dev.dataapi.app.catalog;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What an unquoted scalar means in a catalog file, by the YAML 1.2 core schema: {@code null},
 * {@code ~} and nothing are null, {@code true}/{@code false} booleans, decimal numbers numbers, and
 * everything else (dates, {@code on}, {@code yes}, {@code 0x1F}) text. The command line types values
 * the same way, so a pin means the same whether it was written in a file or in a command.
 */
public final class PlainScalars {
    private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
    private static final Set<String> TRUES = Set.of("true", "True", "TRUE");
    private static final Set<String> FALSES = Set.of("false", "False", "FALSE");
    private static final Pattern DECIMAL = Pattern.compile("^[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?$");

    private PlainScalars() {
    }

    /** The value of {@code text} written unquoted: null, {@link Boolean}, {@link BigDecimal} or the text itself. */
    public static Object resolve(String text) {
        if (NULLS.contains(text)) {
            return null;
        }
        if (TRUES.contains(text)) {
            return Boolean.TRUE;
        }
        if (FALSES.contains(text)) {
            return Boolean.FALSE;
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        return text;
    }

    /** True when {@code text} written unquoted would read as that same text, not as null, a boolean or a number. */
    public static boolean staysText(String text) {
        return text.equals(resolve(text));
    }
}
