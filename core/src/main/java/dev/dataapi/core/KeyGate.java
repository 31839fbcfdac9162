package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.in.RequestFacts;
import dev.dataapi.ports.out.ApiKeyLookup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The first step of every request: authenticate the token, note that the key was used and take one
 * request from its rate limit. Shared by the use cases so that executing and reading a job count
 * against the same budget and answer a missing key in the same words.
 */
final class KeyGate {
    private final ApiKeyLookup keys;
    private final KeyRateLimiter rates;
    private final KeyUsageRecorder usage;

    KeyGate(ApiKeyLookup keys, KeyRateLimiter rates, KeyUsageRecorder usage) {
        this.keys = keys;
        this.rates = rates;
        this.usage = usage;
    }

    /** The caller's key and what is known about the request, or why it goes no further. */
    Admission admit(Optional<String> bearerToken, Instant now) {
        Optional<ApiKey> authenticated = RequestChecks.authenticate(keys, bearerToken, now);
        if (authenticated.isEmpty()) {
            return new Admission(Optional.empty(), RequestFacts.none(),
                    Optional.of(Rejection.of(RejectionCode.UNAUTHORIZED, RequestChecks.UNAUTHORIZED_DETAIL)));
        }
        ApiKey key = authenticated.get();
        usage.record(key.id(), now);
        RateDecision decision = rates.admit(key);
        RequestFacts facts = RequestFacts.none().withKey(key.id(), key.company()).withQuota(decision.quota());
        if (!decision.allowed()) {
            long seconds = decision.retryAfter().toSeconds();
            return new Admission(Optional.of(key), facts, Optional.of(new Rejection(RejectionCode.RATE_LIMITED,
                    "This API key sent more requests than its rate limit allows; retry after " + seconds
                            + (seconds == 1 ? " second." : " seconds."), List.of(), Optional.of(decision.retryAfter()))));
        }
        return new Admission(Optional.of(key), facts, Optional.empty());
    }

    /**
     * @param key       the authenticated key, when there is one
     * @param facts     what is known so far
     * @param rejection why the request goes no further, when it does not
     */
    record Admission(Optional<ApiKey> key, RequestFacts facts, Optional<Rejection> rejection) {
    }
}
