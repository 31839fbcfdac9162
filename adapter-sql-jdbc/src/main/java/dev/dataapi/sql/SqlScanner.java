package dev.dataapi.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over endpoint SQL, copying it to JDBC SQL token by token. Only the tokens that can hide
 * a colon, a question mark or a semicolon need to be recognised; everything else is copied as is.
 */
final class SqlScanner {
    private final String sql;
    private final StringBuilder jdbc;
    private final List<String> placeholders = new ArrayList<>();
    private int pos;
    private int terminator = -1;
    private boolean sawStatement;

    SqlScanner(String sql) {
        this.sql = sql;
        this.jdbc = new StringBuilder(sql.length() + 16);
    }

    CompiledSql scan() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (isWhitespace(c)) {
                copy(1);
            } else if (c == '-' && charAt(pos + 1) == '-') {
                lineComment();
            } else if (c == '/' && charAt(pos + 1) == '*') {
                blockComment();
            } else if (terminator >= 0) {
                throw problem("has more than one statement: the ';' at " + where(terminator)
                        + " is followed by more SQL", pos);
            } else if (c == ';') {
                // The terminator is dropped: the driver is given exactly one statement.
                terminator = pos++;
            } else {
                sawStatement = true;
                token(c);
            }
        }
        if (!sawStatement) {
            throw problem("has no statement", 0);
        }
        return new CompiledSql(jdbc.toString(), placeholders);
    }

    private void token(char c) {
        if (c == '\'') {
            literal(pos, false);
        } else if (c == '"') {
            quotedIdentifier();
        } else if (c == '$') {
            dollar();
        } else if (c == ':') {
            colon();
        } else if (c == '?') {
            // pgjdbc reads '?' as a placeholder and '??' as the operator '?' (jsonb ?, ?|, ?&).
            jdbc.append("??");
            pos++;
        } else if (isIdentifierStart(c)) {
            identifier();
        } else {
            copy(1);
        }
    }

    private void identifier() {
        int start = pos;
        int end = pos + 1;
        while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
            end++;
        }
        copy(end - start);
        if (end - start == 1 && (sql.charAt(start) == 'E' || sql.charAt(start) == 'e') && charAt(end) == '\'') {
            literal(start, true);
        }
    }

    /** A string literal from the quote at {@code pos}; {@code start} is where its prefix begins. */
    private void literal(int start, boolean backslashEscapes) {
        int end = pos + 1;
        while (true) {
            if (end >= sql.length()) {
                throw problem("has an unterminated string literal starting", start);
            }
            char c = sql.charAt(end);
            if (backslashEscapes && c == '\\') {
                end += 2;
            } else if (c == '\'' && charAt(end + 1) == '\'') {
                end += 2;
            } else if (c == '\'') {
                copy(end + 1 - pos);
                return;
            } else {
                end++;
            }
        }
    }

    private void quotedIdentifier() {
        int end = pos + 1;
        while (true) {
            if (end >= sql.length()) {
                throw problem("has an unterminated quoted identifier starting", pos);
            }
            if (sql.charAt(end) == '"' && charAt(end + 1) == '"') {
                end += 2;
            } else if (sql.charAt(end) == '"') {
                copy(end + 1 - pos);
                return;
            } else {
                end++;
            }
        }
    }

    private void dollar() {
        int tagEnd = pos + 1;
        if (tagEnd < sql.length() && isDollarTagStart(sql.charAt(tagEnd))) {
            tagEnd++;
            while (tagEnd < sql.length() && isDollarTagPart(sql.charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (charAt(tagEnd) != '$') {
            // Not a dollar quote: a positional parameter such as $1, or a stray dollar sign.
            copy(1);
            return;
        }
        String tag = sql.substring(pos, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw problem("has an unterminated dollar-quoted string " + tag + " starting", pos);
        }
        copy(close + tag.length() - pos);
    }

    private void colon() {
        char next = charAt(pos + 1);
        if (next == ':' || next == '=') {
            copy(2);
        } else if (isAsciiNameStart(next)) {
            int end = pos + 2;
            while (end < sql.length() && isAsciiNamePart(sql.charAt(end))) {
                end++;
            }
            placeholders.add(sql.substring(pos + 1, end));
            jdbc.append('?');
            pos = end;
        } else {
            copy(1);
        }
    }

    private void lineComment() {
        int end = pos + 2;
        while (end < sql.length() && sql.charAt(end) != '\n' && sql.charAt(end) != '\r') {
            end++;
        }
        copy(end - pos);
    }

    private void blockComment() {
        int depth = 1;
        int end = pos + 2;
        while (depth > 0) {
            if (end >= sql.length()) {
                throw problem("has an unterminated block comment starting", pos);
            }
            if (sql.charAt(end) == '/' && charAt(end + 1) == '*') {
                depth++;
                end += 2;
            } else if (sql.charAt(end) == '*' && charAt(end + 1) == '/') {
                depth--;
                end += 2;
            } else {
                end++;
            }
        }
        copy(end - pos);
    }

    private void copy(int count) {
        jdbc.append(sql, pos, pos + count);
        pos += count;
    }

    private char charAt(int index) {
        return index < sql.length() ? sql.charAt(index) : '\0';
    }

    private SqlTemplateException problem(String what, int offset) {
        Position position = position(offset);
        return new SqlTemplateException(what, position.line(), position.column());
    }

    private String where(int offset) {
        Position position = position(offset);
        return "line " + position.line() + ", column " + position.column();
    }

    private Position position(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < sql.length(); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }

    private record Position(int line, int column) {
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isIdentifierStart(char c) {
        return isAsciiNameStart(c) || c >= 0x80;
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
    }

    private static boolean isDollarTagStart(char c) {
        return isIdentifierStart(c);
    }

    private static boolean isDollarTagPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isAsciiNameStart(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }

    private static boolean isAsciiNamePart(char c) {
        return isAsciiNameStart(c) || (c >= '0' && c <= '9');
    }
}
