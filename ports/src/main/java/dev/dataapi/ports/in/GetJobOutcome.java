package dev.dataapi.ports.in;

import dev.dataapi.ports.Job;
import java.util.Objects;

/**
 * How a {@link GetJob} call ended. Every outcome carries the {@link RequestFacts} learned on the
 * way, for response headers and the audit log.
 */
public sealed interface GetJobOutcome {

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
    GetJobOutcome withFacts(RequestFacts facts);

    /**
     * The caller may see this job.
     *
     * @param job    the job
     * @param result its stored rows; only meaningful when the job is completed
     * @param facts  what was learned about the request
     */
    record Found(Job job, ResultSource result, RequestFacts facts) implements GetJobOutcome {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param job    the job
         * @param result its stored rows; only meaningful when the job is completed
         * @param facts  what was learned about the request
         */
        public Found {
            Objects.requireNonNull(job, "'job' is required");
            Objects.requireNonNull(result, "'result' is required");
            facts = Objects.requireNonNullElse(facts, RequestFacts.none());
        }

        /**
         * A job found for a request about which nothing is known.
         *
         * @param job    the job
         * @param result its stored rows; only meaningful when the job is completed
         */
        public Found(Job job, ResultSource result) {
            this(job, result, RequestFacts.none());
        }

        @Override
        public Found withFacts(RequestFacts value) {
            return new Found(job, result, value);
        }
    }

    /**
     * The request was refused.
     *
     * @param rejection why
     * @param facts     what was learned about the request before it was refused
     */
    record Rejected(Rejection rejection, RequestFacts facts) implements GetJobOutcome {
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
