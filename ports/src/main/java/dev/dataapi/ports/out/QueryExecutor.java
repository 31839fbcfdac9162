package dev.dataapi.ports.out;

import dev.dataapi.ports.QueryRequest;
import dev.dataapi.ports.ResultSink;

/**
 * Runs an endpoint's SQL against the data source.
 *
 * <p>Contract: values are bound, never spliced into SQL; the query runs read-only; it is cancelled
 * on the database when the timeout passes; at most {@code maxRows} rows reach the sink and
 * {@code truncated} is true exactly when more existed; the database connection is released before
 * this method returns. Implementations are thread-safe. Database failures are returned as
 * outcomes; only bugs throw. A sink may throw to stop reading: the query is then abandoned, its
 * connection released, and the sink's exception propagates unchanged.
 */
public interface QueryExecutor {

    /**
     * Runs the query, streaming its columns and rows into {@code sink}.
     *
     * @param request the SQL, bound values, row limit and timeout
     * @param sink    receives the columns, then the rows, on the calling thread
     * @return how the execution ended; anything but {@link QueryOutcome.Completed} means the rows are not a result
     */
    QueryOutcome execute(QueryRequest request, ResultSink sink);
}
