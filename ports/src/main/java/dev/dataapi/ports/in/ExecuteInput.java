package dev.dataapi.ports.in;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The request body of an execution, as the driving adapter could read it. Problems with the body
 * are carried, not answered at once, because authentication and endpoint resolution must answer
 * first.
 */
public sealed interface ExecuteInput {

    /**
     * A readable body.
     *
     * @param parameterValues JSON-shaped values by parameter name (see {@link dev.dataapi.ports.ScalarType})
     * @param callbackUrl     where to deliver an async result, when given
     */
    record Parsed(Map<String, Object> parameterValues, Optional<String> callbackUrl) implements ExecuteInput {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param parameterValues JSON-shaped values by parameter name (see {@link dev.dataapi.ports.ScalarType})
         * @param callbackUrl     where to deliver an async result, when given
         */
        public Parsed {
            parameterValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                    Objects.requireNonNullElse(parameterValues, Map.of())));
            callbackUrl = Objects.requireNonNullElse(callbackUrl, Optional.empty());
        }

        /**
         * An empty body: no parameter values, no callback.
         *
         * @return the input of a request without a body
         */
        public static Parsed empty() {
            return new Parsed(Map.of(), Optional.empty());
        }
    }

    /**
     * A body that is not what the contract asks for.
     *
     * @param reason what is wrong, safe to show the consumer
     */
    record Unreadable(String reason) implements ExecuteInput {
        /**
         * Checks every component; an invalid one is refused with an exception naming it.
         *
         * @param reason what is wrong, safe to show the consumer
         */
        public Unreadable {
            Objects.requireNonNull(reason, "'reason' is required");
        }
    }

    /**
     * A body over the size limit; it was not read whole.
     *
     * @param limitBytes the limit
     */
    record TooLarge(long limitBytes) implements ExecuteInput {
    }
}
