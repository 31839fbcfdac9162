package dev.dataapi.ports.in;

import dev.dataapi.ports.Job;
import java.util.Objects;

/** How a {@link GetJob} call ended. */
public sealed interface GetJobOutcome {

    /**
     * The caller may see this job.
     *
     * @param job    the job
     * @param result its stored rows; only meaningful when the job is completed
     */
    record Found(Job job, ResultSource result) implements GetJobOutcome {
        public Found {
            Objects.requireNonNull(job, "'job' is required");
            Objects.requireNonNull(result, "'result' is required");
        }
    }

    /**
     * The request was refused.
     *
     * @param rejection why
     */
    record Rejected(Rejection rejection) implements GetJobOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "'rejection' is required");
        }
    }
}
