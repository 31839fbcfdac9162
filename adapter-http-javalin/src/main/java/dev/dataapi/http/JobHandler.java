package dev.dataapi.http;

import dev.dataapi.ports.in.GetJob;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}}: turns the request into a
 * {@link GetJobCommand} without judging it (the use case answers in the contract's order) and the
 * outcome into the job (200) or a problem. Every answer after the use case carries the key's rate-limit
 * headers when it has a quota, and every request, whatever its path, gets its audit line.
 *
 * <p>The job body is streamed: a stored result holds up to 10,000 rows of any width and no database
 * connection waits on the client, so nothing is gained by holding it in memory. The price is that a
 * failure while reading the stored rows may come after part of the body was sent; then the connection
 * is aborted, so the client sees a broken response instead of a complete-looking one.
 */
final class JobHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JobHandler.class);

    private final GetJob getJob;
    private final AuditLog audit;

    JobHandler(GetJob getJob, AuditLog audit) {
        this.getJob = Objects.requireNonNull(getJob, "'getJob' is required");
        this.audit = Objects.requireNonNull(audit, "'audit' is required");
    }

    void handle(Context ctx) throws IOException {
        ExchangeAudit exchange = audit.begin(ctx, AuditAction.GET_JOB);
        String requestId = RequestIds.of(ctx);
        Optional<ApiPath> shape = ApiPath.parse(ctx.path());
        if (!(shape.orElse(null) instanceof JobPath)) {
            Responses.problem(ctx, ProblemResponses.forUnservedPath(ctx.method().name(), ctx.path(), shape));
            return;
        }
        JobPath path = (JobPath) shape.get();
        exchange.requested(path.namespace(), path.slug());
        exchange.requestedJob(path.jobId());
        GetJobOutcome outcome = getJob.get(new GetJobCommand(BearerToken.of(ctx), path.namespace(), path.slug(),
                path.jobId(), requestId));
        exchange.learned(outcome.facts());
        // Before the body starts: a streamed job commits its headers with the first bytes.
        RateLimitHeaders.apply(ctx, outcome.facts().quota());
        if (outcome instanceof GetJobOutcome.Found) {
            GetJobOutcome.Found found = (GetJobOutcome.Found) outcome;
            // A HEAD answer carries no rows.
            if (!HandlerType.HEAD.equals(ctx.method())) {
                found.job().result().ifPresent(summary -> exchange.rows(summary.rowCount()));
            }
            send(ctx, requestId, found);
        } else if (outcome instanceof GetJobOutcome.Rejected) {
            Responses.problem(ctx, ProblemResponses.forRejection(((GetJobOutcome.Rejected) outcome).rejection(),
                    outcome.facts().quota()));
        } else {
            throw new IllegalStateException("no response for outcome " + outcome);
        }
    }

    private static void send(Context ctx, String requestId, GetJobOutcome.Found found) throws IOException {
        StreamedBody body = new StreamedBody(() -> {
            Responses.startJson(ctx, 200);
            return ctx.outputStream();
        });
        try {
            JobJson.job(body, found.job(), found.result());
        } catch (RuntimeException | IOException | Error e) {
            if (!body.started()) {
                // Nothing reached the client: the exception handlers answer with a 500 problem instead.
                throw e;
            }
            if (body.sendFailed()) {
                LOG.info("request {}: the client stopped reading job {} before its end", requestId, found.job().id());
            } else {
                LOG.error("request {}: job {} failed after part of it was sent; the connection is closed",
                        requestId, found.job().id(), e);
            }
            breakOff(ctx, e);
        }
    }

    /**
     * Ends the exchange without completing the response: what was written so far is sent (which
     * commits the 200 if it was not yet), then the connection is closed before the final chunk, so the
     * client reports a broken response instead of reading a truncated body as a whole one. Closing the
     * connection ends only this exchange: the server speaks HTTP/1.1, one exchange per connection at a
     * time. (Jetty's own channel abort would do the same but leaves the request looking asynchronous to
     * Javalin, which then logs a spurious failure.)
     */
    private static void breakOff(Context ctx, Throwable cause) {
        try {
            ctx.res().flushBuffer();
        } catch (IOException clientGone) {
            cause.addSuppressed(clientGone);
        }
        ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnection().close();
    }
}
