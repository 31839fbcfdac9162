package dev.dataapi.core;

import dev.dataapi.ports.in.Quota;
import java.time.Duration;
import java.util.Optional;

/**
 * Whether a key may make one more request now.
 *
 * @param allowed    true when the request may go ahead
 * @param quota      the key's standing afterwards, when it has a limit
 * @param retryAfter when refused, how long until a request would be allowed (whole seconds, at least 1)
 */
record RateDecision(boolean allowed, Optional<Quota> quota, Duration retryAfter) {
    static final RateDecision UNLIMITED = new RateDecision(true, Optional.empty(), Duration.ZERO);
}
