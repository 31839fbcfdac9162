package dev.dataapi.core;

import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.QueryRequest;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs a validated execution and turns the query's outcome into the consumer's answer. What the
 * database said stays in the log, under the request id the consumer is given.
 */
final class QueryRunner {
    private static final Logger LOG = System.getLogger(QueryRunner.class.getName());

    private final QueryExecutor queries;
    private final Clock clock;

    QueryRunner(QueryExecutor queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    ExecuteOutcome run(Endpoint endpoint, List<BoundParameter> parameters, String requestId, ResultSink sink) {
        QueryRequest request = new QueryRequest(endpoint.sql(), parameters, endpoint.maxRows(), endpoint.timeout(), requestId);
        Instant executedAt = clock.instant();
        QueryOutcome outcome;
        try {
            outcome = queries.execute(request, sink);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + LogText.safe(requestId) + ": executing endpoint " + endpoint.company() + "/"
                    + endpoint.ref() + " failed unexpectedly", LogText.fault(e));
            return rejected(RejectionCode.INTERNAL_ERROR,
                    "An internal error occurred. Quote request id " + requestId + " to the service's operator.");
        }
        if (outcome instanceof QueryOutcome.Completed) {
            QueryOutcome.Completed completed = (QueryOutcome.Completed) outcome;
            return new ExecuteOutcome.Executed(executedAt, completed.rowCount(), completed.truncated(), endpoint.maxRows());
        }
        if (outcome instanceof QueryOutcome.TimedOut) {
            return rejected(RejectionCode.EXECUTION_TIMEOUT, "The query did not finish within "
                    + Seconds.of(endpoint.timeout()) + " seconds and was cancelled");
        }
        if (outcome instanceof QueryOutcome.Failed) {
            // The diagnostic may quote a caller's value: escaped, it cannot start a forged log line.
            LOG.log(Level.WARNING, "request " + LogText.safe(requestId) + ": query of endpoint " + endpoint.company() + "/"
                    + endpoint.ref() + " failed: " + LogText.safe(((QueryOutcome.Failed) outcome).diagnostic()));
            return rejected(RejectionCode.EXECUTION_ERROR,
                    "The query failed. Quote request id " + requestId + " to the endpoint's owner.");
        }
        if (outcome instanceof QueryOutcome.Unavailable) {
            Duration retryAfter = ((QueryOutcome.Unavailable) outcome).retryAfter();
            return new ExecuteOutcome.Rejected(new Rejection(RejectionCode.SERVICE_UNAVAILABLE,
                    "The service is at capacity; retry after " + Seconds.of(retryAfter) + " seconds.",
                    List.of(), Optional.of(retryAfter)));
        }
        LOG.log(Level.ERROR, "request " + LogText.safe(requestId) + ": unknown query outcome "
                + outcome.getClass().getSimpleName());
        return rejected(RejectionCode.INTERNAL_ERROR,
                "An internal error occurred. Quote request id " + requestId + " to the service's operator.");
    }

    private static ExecuteOutcome rejected(RejectionCode code, String detail) {
        return new ExecuteOutcome.Rejected(Rejection.of(code, detail));
    }
}
