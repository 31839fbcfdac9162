package dev.dataapi.sql;

/**
 * Endpoint SQL that cannot be compiled: an unterminated literal, identifier, comment or
 * dollar-quoted string, more than one statement, or no statement at all. The message names the
 * problem and where it starts (line and column, from 1), so a catalog author can fix the file.
 */
public final class SqlTemplateException extends IllegalArgumentException {
    private final int line;
    private final int column;

    SqlTemplateException(String problem, int line, int column) {
        super("SQL " + problem + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    /** The line, from 1, where the problem starts. */
    public int line() {
        return line;
    }

    /** The column, from 1, where the problem starts. */
    public int column() {
        return column;
    }
}
