package dev.dataapi.ports.in;

import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.JobId;
import java.time.Instant;
import java.util.Objects;

/** How an {@link ExecuteEndpoint} call ended. */
public sealed interface ExecuteOutcome {

    /**
     * A synchronous execution finished; its columns and rows went to the sink.
     *
     * @param executedAt when the execution started
     * @param rowCount   rows delivered
     * @param truncated  true exactly when more rows existed than {@code maxRows}
     * @param maxRows    the endpoint's row limit
     */
    record Executed(Instant executedAt, int rowCount, boolean truncated, int maxRows) implements ExecuteOutcome {
        public Executed {
            Objects.requireNonNull(executedAt, "'executedAt' is required");
        }
    }

    /**
     * An asynchronous execution was accepted as a job; poll it or wait for its callback.
     *
     * @param jobId     the new job's id
     * @param endpoint  the endpoint it runs (for the polling URL)
     * @param createdAt when it was submitted
     */
    record Accepted(JobId jobId, EndpointRef endpoint, Instant createdAt) implements ExecuteOutcome {
        public Accepted {
            Objects.requireNonNull(jobId, "'jobId' is required");
            Objects.requireNonNull(endpoint, "'endpoint' is required");
            Objects.requireNonNull(createdAt, "'createdAt' is required");
        }
    }

    /**
     * The request was refused or failed; nothing in the sink is a result.
     *
     * @param rejection why
     */
    record Rejected(Rejection rejection) implements ExecuteOutcome {
        public Rejected {
            Objects.requireNonNull(rejection, "'rejection' is required");
        }
    }
}
