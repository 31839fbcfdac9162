package dev.dataapi.sql;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a catalog write or read that PostgreSQL refused is told as: the server's primary message
 * (which names the constraint) and the SQL state, never its detail, which quotes the row's values:
 * token hashes, webhook secrets.
 */
final class CatalogErrors {

    private CatalogErrors() {
    }

    static String describe(SQLException e) {
        if (e instanceof PSQLException) {
            ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage() + " (SQL state " + e.getSQLState() + ")";
            }
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // A message without a parsed server part may still carry one after its first line.
        int detail = message.indexOf("\n");
        return (detail < 0 ? message : message.substring(0, detail)) + " (SQL state " + e.getSQLState() + ")";
    }
}
