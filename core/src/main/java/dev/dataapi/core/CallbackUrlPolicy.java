package dev.dataapi.core;

import dev.dataapi.ports.in.ParameterProblem;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether an async execution may deliver its result to a consumer's {@code callback_url}.
 * Checked at submission, after the parameters and share context, so a refused URL stores no job.
 * {@link HttpsCallbackUrlPolicy} holds the syntactic rules; checks that need the network (where the
 * host resolves, SSRF) are further policies chained with {@link #andThen}.
 */
@FunctionalInterface
public interface CallbackUrlPolicy {

    /**
     * What is wrong with {@code callbackUrl}, as a problem on {@code callback_url}; empty when it is acceptable.
     *
     * @param callbackUrl the URL as the consumer sent it
     * @return the problem, or empty
     */
    Optional<ParameterProblem> check(String callbackUrl);

    /**
     * This policy, then {@code next} for URLs this one accepts.
     *
     * @param next the policy asked only about URLs this one accepts
     * @return the chained policy
     */
    default CallbackUrlPolicy andThen(CallbackUrlPolicy next) {
        Objects.requireNonNull(next, "'next' is required");
        return url -> {
            Optional<ParameterProblem> problem = check(url);
            return problem.isPresent() ? problem : next.check(url);
        };
    }
}
