package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /api/v1/data-api/{namespace}/{slug}/execute}: turns the request into an
 * {@link ExecuteCommand} without judging it (the use case answers in the contract's order) and the
 * outcome into a response: the result (200), an accepted job (202 with its polling URL) or a problem.
 * Every answer after the use case carries the key's rate-limit headers when it has a quota, and every
 * request, whatever its path, gets its audit line.
 */
final class ExecuteHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ExecuteHandler.class);

    private final ExecuteEndpoint execute;
    private final BodyReader bodies;
    private final long maxResultBytes;
    private final AuditLog audit;

    ExecuteHandler(ExecuteEndpoint execute, BodyReader bodies, long maxResultBytes, AuditLog audit) {
        this.execute = Objects.requireNonNull(execute, "'execute' is required");
        this.bodies = Objects.requireNonNull(bodies, "'bodies' is required");
        this.audit = Objects.requireNonNull(audit, "'audit' is required");
        if (maxResultBytes < 1) {
            throw new IllegalArgumentException("'maxResultBytes' must be positive, got " + maxResultBytes);
        }
        this.maxResultBytes = maxResultBytes;
    }

    void handle(Context ctx) throws IOException {
        ExchangeAudit exchange = audit.begin(ctx, AuditAction.EXECUTE);
        String requestId = RequestIds.of(ctx);
        Optional<ApiPath> shape = ApiPath.parse(ctx.path());
        if (!(shape.orElse(null) instanceof ExecutePath)) {
            Responses.problem(ctx, ProblemResponses.forUnservedPath(ctx.method().name(), ctx.path(), shape));
            return;
        }
        ExecutePath path = (ExecutePath) shape.get();
        exchange.requested(path.namespace(), path.slug());
        ExecuteCommand command = new ExecuteCommand(BearerToken.of(ctx), path.namespace(), path.slug(), input(ctx),
                requestId);
        ResultJsonWriter result = new ResultJsonWriter(maxResultBytes);
        ExecuteOutcome outcome = execute.execute(command, result);
        exchange.learned(outcome.facts());
        RateLimitHeaders.apply(ctx, outcome.facts().quota());
        if (outcome instanceof ExecuteOutcome.Executed) {
            executed(ctx, requestId, result, (ExecuteOutcome.Executed) outcome, exchange);
        } else if (outcome instanceof ExecuteOutcome.Accepted) {
            ExecuteOutcome.Accepted accepted = (ExecuteOutcome.Accepted) outcome;
            // Built from the resolved endpoint, not the request path: one spelling, however the caller encoded it.
            String pollingUrl = JobPath.of(accepted.endpoint(), accepted.jobId());
            exchange.createdJob(accepted.jobId().value());
            Responses.jsonAt(ctx, 202, pollingUrl, JobJson.accepted(accepted, pollingUrl));
        } else if (outcome instanceof ExecuteOutcome.Rejected) {
            Responses.problem(ctx, ProblemResponses.forRejection(((ExecuteOutcome.Rejected) outcome).rejection(),
                    outcome.facts().quota()));
        } else {
            throw new IllegalStateException("no response for outcome " + outcome);
        }
    }

    private void executed(Context ctx, String requestId, ResultJsonWriter result, ExecuteOutcome.Executed executed,
                          ExchangeAudit exchange) {
        if (executed.rowCount() != result.rowsWritten()) {
            LOG.warn("request {}: the execution reported {} rows but delivered {}", requestId,
                    executed.rowCount(), result.rowsWritten());
        }
        Optional<InputStream> body = result.finish(executed);
        if (body.isPresent()) {
            exchange.rows(result.rowsWritten());
            Responses.json(ctx, 200, body.get());
            return;
        }
        LOG.warn("request {}: the result of {} rows is larger than the limit of {} bytes; answered {}",
                requestId, result.rowsWritten(), maxResultBytes, ProblemResponses.RESULT_TOO_LARGE);
        Responses.problem(ctx, ProblemResponses.resultTooLarge(maxResultBytes));
    }

    private ExecuteInput input(Context ctx) throws IOException {
        Optional<byte[]> body = bodies.read(ctx.req());
        if (body.isEmpty()) {
            return bodies.tooLarge();
        }
        return ExecuteInputParser.parse(body.get());
    }
}
