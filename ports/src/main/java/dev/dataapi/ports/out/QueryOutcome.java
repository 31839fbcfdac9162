package dev.dataapi.ports.out;

import java.time.Duration;
import java.util.Objects;

/** How one query execution ended. Anything but {@link Completed} means the sink's rows are not a result. */
public sealed interface QueryOutcome {

    /**
     * Every row up to the limit was delivered.
     *
     * @param rowCount  rows delivered to the sink
     * @param truncated true exactly when the query had more rows than the limit
     */
    record Completed(int rowCount, boolean truncated) implements QueryOutcome {
    }

    /** The timeout passed; the query was cancelled on the database. */
    record TimedOut() implements QueryOutcome {
    }

    /**
     * The database refused or failed the query.
     *
     * @param diagnostic the database's message, for logs only: it may hold SQL and must never reach a consumer
     */
    record Failed(String diagnostic) implements QueryOutcome {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param diagnostic the database's message, for logs only: it may hold SQL and must never reach a consumer
         */
        public Failed {
            Objects.requireNonNull(diagnostic, "'diagnostic' is required");
        }
    }

    /**
     * No connection could be had in time; the caller should retry later.
     *
     * @param retryAfter a suggested wait
     */
    record Unavailable(Duration retryAfter) implements QueryOutcome {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param retryAfter a suggested wait
         */
        public Unavailable {
            Objects.requireNonNull(retryAfter, "'retryAfter' is required");
        }
    }
}
