package dev.dataapi.ports.in;

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
