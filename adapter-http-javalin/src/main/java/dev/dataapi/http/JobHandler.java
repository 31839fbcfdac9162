package dev.dataapi.http;

import dev.dataapi.ports.in.GetJob;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import io.javalin.http.Context;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}}: turns the request into a
 * {@link GetJobCommand} without judging it (the use case answers in the contract's order) and the
 * outcome into the job (200) or a problem.
 */
final class JobHandler {

    private final GetJob getJob;

    JobHandler(GetJob getJob) {
        this.getJob = Objects.requireNonNull(getJob, "'getJob' is required");
    }

    void handle(Context ctx) {
        String requestId = RequestIds.of(ctx);
        Optional<ApiPath> shape = ApiPath.parse(ctx.path());
        if (!(shape.orElse(null) instanceof JobPath)) {
            Responses.problem(ctx, ProblemResponses.forUnservedPath(ctx.method().name(), ctx.path(), shape));
            return;
        }
        JobPath path = (JobPath) shape.get();
        GetJobOutcome outcome = getJob.get(new GetJobCommand(BearerToken.from(ctx.header("Authorization")),
                path.namespace(), path.slug(), path.jobId(), requestId));
        if (outcome instanceof GetJobOutcome.Found) {
            GetJobOutcome.Found found = (GetJobOutcome.Found) outcome;
            // A failure reading the stored rows propagates to the 500 answer before any byte is sent.
            Responses.json(ctx, 200, JobJson.job(found.job(), found.result()));
        } else if (outcome instanceof GetJobOutcome.Rejected) {
            Responses.problem(ctx, ProblemResponses.forRejection(((GetJobOutcome.Rejected) outcome).rejection()));
        } else {
            throw new IllegalStateException("no response for outcome " + outcome);
        }
    }
}
