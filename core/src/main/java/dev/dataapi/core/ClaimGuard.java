package dev.dataapi.core;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Stops a job's query once its worker no longer holds the job. A worker whose lease lapsed (a long
 * pause, a store it could not reach) cannot store its result anyway; reading on would only keep a
 * database connection, its company's concurrency slot and result storage busy while another worker
 * runs the same query. Checked before every row, so the query stops at the next row it produces.
 */
final class ClaimGuard implements ResultSink {
    private final ResultSink target;
    private final BooleanSupplier claimLost;
    private long rows;

    ClaimGuard(ResultSink target, BooleanSupplier claimLost) {
        this.target = target;
        this.claimLost = claimLost;
    }

    @Override
    public void columns(List<Column> columns) {
        check();
        target.columns(columns);
    }

    @Override
    public void row(Object[] values) {
        check();
        target.row(values);
        rows++;
    }

    private void check() {
        if (claimLost.getAsBoolean()) {
            throw new ClaimLost(rows);
        }
    }

    /** Thrown through the query executor, which abandons the query and releases its connection. */
    static final class ClaimLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Rows read before the query was stopped. */
        final long rowsRead;

        ClaimLost(long rowsRead) {
            super("the worker no longer holds the job", null, false, false);
            this.rowsRead = rowsRead;
        }
    }
}
