package dev.dataapi.sql;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads one column of the current row as a {@link dev.dataapi.ports.ResultSink} value. */
@FunctionalInterface
interface ValueReader {

    /** The value at {@code column} (from 1), or null for SQL NULL. */
    Object read(ResultSet resultSet, int column) throws SQLException;
}
