package dev.dataapi.ports.in;

import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.JobId;
import java.time.Instant;
import java.util.Objects;

/**
 * How an {@link ExecuteEndpoint} call ended. Every outcome carries the {@link RequestFacts} learned
 * on the way, for response headers and the audit log.
 */
public sealed interface ExecuteOutcome {

    /**
     * What the use case learned about the request.
     *
     * @return the facts, {@link RequestFacts#none()} when the caller was not authenticated
     */
    RequestFacts facts();

    /**
     * This outcome with {@code facts} instead.
     *
     * @param facts the facts to carry
     * @return a copy with those facts
     */
    ExecuteOutcome withFacts(RequestFacts facts);

    /**
     * A synchronous execution finished; its columns and rows went to the sink.
     *
     * @param executedAt when the execution started
     * @param rowCount   rows delivered
     * @param truncated  true exactly when more rows existed than {@code maxRows}
     * @param maxRows    the endpoint's row limit
     * @param facts      what was learned about the request
     */
    record Executed(Instant executedAt, int rowCount, boolean truncated, int maxRows, RequestFacts facts)
            implements ExecuteOutcome {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param executedAt when the execution started
         * @param rowCount   rows delivered
         * @param truncated  true exactly when more rows existed than {@code maxRows}
         * @param maxRows    the endpoint's row limit
         * @param facts      what was learned about the request
         */
        public Executed {
            Objects.requireNonNull(executedAt, "'executedAt' is required");
            facts = Objects.requireNonNullElse(facts, RequestFacts.none());
        }

        /**
         * An execution about whose request nothing is known.
         *
         * @param executedAt when the execution started
         * @param rowCount   rows delivered
         * @param truncated  true exactly when more rows existed than {@code maxRows}
         * @param maxRows    the endpoint's row limit
         */
        public Executed(Instant executedAt, int rowCount, boolean truncated, int maxRows) {
            this(executedAt, rowCount, truncated, maxRows, RequestFacts.none());
        }

        @Override
        public Executed withFacts(RequestFacts value) {
            return new Executed(executedAt, rowCount, truncated, maxRows, value);
        }
    }

    /**
     * An asynchronous execution was accepted as a job; poll it or wait for its callback.
     *
     * @param jobId     the new job's id
     * @param endpoint  the endpoint it runs (for the polling URL)
     * @param createdAt when it was submitted
     * @param facts     what was learned about the request
     */
    record Accepted(JobId jobId, EndpointRef endpoint, Instant createdAt, RequestFacts facts) implements ExecuteOutcome {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param jobId     the new job's id
         * @param endpoint  the endpoint it runs (for the polling URL)
         * @param createdAt when it was submitted
         * @param facts     what was learned about the request
         */
        public Accepted {
            Objects.requireNonNull(jobId, "'jobId' is required");
            Objects.requireNonNull(endpoint, "'endpoint' is required");
            Objects.requireNonNull(createdAt, "'createdAt' is required");
            facts = Objects.requireNonNullElse(facts, RequestFacts.none());
        }

        /**
         * An accepted job about whose request nothing is known.
         *
         * @param jobId     the new job's id
         * @param endpoint  the endpoint it runs
         * @param createdAt when it was submitted
         */
        public Accepted(JobId jobId, EndpointRef endpoint, Instant createdAt) {
            this(jobId, endpoint, createdAt, RequestFacts.none());
        }

        @Override
        public Accepted withFacts(RequestFacts value) {
            return new Accepted(jobId, endpoint, createdAt, value);
        }
    }

    /**
     * The request was refused or failed; nothing in the sink is a result.
     *
     * @param rejection why
     * @param facts     what was learned about the request before it was refused
     */
    record Rejected(Rejection rejection, RequestFacts facts) implements ExecuteOutcome {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param rejection why
         * @param facts     what was learned about the request before it was refused
         */
        public Rejected {
            Objects.requireNonNull(rejection, "'rejection' is required");
            facts = Objects.requireNonNullElse(facts, RequestFacts.none());
        }

        /**
         * A refusal about whose request nothing is known.
         *
         * @param rejection why
         */
        public Rejected(Rejection rejection) {
            this(rejection, RequestFacts.none());
        }

        @Override
        public Rejected withFacts(RequestFacts value) {
            return new Rejected(rejection, value);
        }
    }
}
