package dev.dataapi.sql;

import java.util.Objects;

/**
 * Compiles endpoint SQL written with named placeholders ({@code WHERE region = ANY(:regions)})
 * into JDBC SQL with {@code ?} placeholders, following PostgreSQL's lexical rules so that text
 * that only looks like a placeholder is left alone: {@code ::} casts, {@code :=}, a bare colon
 * (array slices such as {@code a[1:2]}), string literals (with {@code ''} escapes, and backslash
 * escapes in {@code E'…'}), quoted identifiers, {@code --} and nested block comments, and
 * dollar-quoted strings. A name is a letter or underscore followed by letters, digits or
 * underscores. Assumes {@code standard_conforming_strings} is on (PostgreSQL's default).
 *
 * <p>Exactly one statement is accepted: a {@code ;} may only be followed by whitespace and
 * comments. Write a slice bound that is a column as {@code a[1 : hi]}, since {@code a[1:hi]}
 * reads as the placeholder {@code :hi}.
 */
public final class NamedParameterSql {

    private NamedParameterSql() {
    }

    /**
     * Compiles {@code sql}.
     *
     * @throws SqlTemplateException when the SQL is not one complete statement
     */
    public static CompiledSql parse(String sql) {
        Objects.requireNonNull(sql, "'sql' is required");
        return new SqlScanner(sql).scan();
    }
}
