package dev.dataapi.ports.in;

import dev.dataapi.ports.ResultSink;

/**
 * The use case behind {@code POST /api/v1/data-api/{namespace}/{slug}/execute}: authenticate the
 * caller, resolve the endpoint within the caller's company, validate the parameters, apply the
 * key's share context and run the query. The checks run in the contract's order and the first
 * failure answers.
 *
 * <p>For a synchronous endpoint the result streams into {@code sink} and the outcome is
 * {@link ExecuteOutcome.Executed}; the sink's content is only a result for that outcome. For an
 * asynchronous endpoint a job is stored and the outcome is {@link ExecuteOutcome.Accepted}; the sink
 * is not used.
 * Thread-safe.
 */
public interface ExecuteEndpoint {

    /**
     * Runs the command; never throws for a consumer's mistake or a query failure.
     *
     * @param command the request as the consumer sent it
     * @param sink    receives a synchronous result's columns and rows, on the calling thread
     * @return how the request ended
     */
    ExecuteOutcome execute(ExecuteCommand command, ResultSink sink);
}
