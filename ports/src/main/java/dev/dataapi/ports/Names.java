package dev.dataapi.ports;

import java.util.regex.Pattern;

/**
 * The naming rules shared by every identifier that appears in a URL or a catalog file: companies,
 * namespaces and slugs are kebab-case, parameters are SQL-style identifiers. Kept in one place so
 * the HTTP edge, the catalog loader and the domain records agree on what a valid name is.
 */
public final class Names {
    /** Longest namespace, slug or company id accepted. */
    public static final int MAX_KEBAB_LENGTH = 64;

    private static final Pattern KEBAB = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern PARAMETER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

    private Names() {
    }

    /**
     * True when {@code value} is non-null kebab-case of at most {@value #MAX_KEBAB_LENGTH} characters.
     *
     * @param value a candidate name; may be null
     * @return whether it may name a company, namespace or slug
     */
    public static boolean isKebabCase(String value) {
        return value != null && value.length() <= MAX_KEBAB_LENGTH && KEBAB.matcher(value).matches();
    }

    /**
     * True when {@code value} can name a parameter: a letter or underscore, then letters, digits, underscores.
     *
     * @param value a candidate name; may be null
     * @return whether it may name a parameter
     */
    public static boolean isParameterName(String value) {
        return value != null && PARAMETER.matcher(value).matches();
    }

    /**
     * Returns {@code value} or throws naming {@code field} when it is not kebab-case.
     *
     * @param field the field's name, for the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException naming {@code field} and the value
     */
    public static String requireKebabCase(String field, String value) {
        if (!isKebabCase(value)) {
            throw new IllegalArgumentException("'" + field + "' must be kebab-case (a-z, 0-9, single dashes, at most "
                    + MAX_KEBAB_LENGTH + " characters), got " + quote(value));
        }
        return value;
    }

    /**
     * Returns {@code value} or throws naming {@code field} when it is null or blank.
     *
     * @param field the field's name, for the message
     * @param value the value to check
     * @return {@code value}
     * @throws IllegalArgumentException naming {@code field}
     */
    public static String requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' must not be empty");
        }
        return value;
    }

    static String quote(String value) {
        return value == null ? "nothing" : "'" + value + "'";
    }
}
