package dev.dataapi.ports.in;

import java.util.Objects;

/**
 * Where a key stands against its rate limit after a request, in the terms of the IETF RateLimit
 * header fields: {@code quota} requests per {@code windowSeconds}, {@code remaining} of them left
 * now, the full quota back after {@code resetSeconds}.
 *
 * @param policy        the policy's name
 * @param quota         requests the key may send at once (the bucket's size)
 * @param windowSeconds seconds in which an emptied quota refills completely
 * @param remaining     requests the key may still send right now
 * @param resetSeconds  seconds until the quota is full again (0 when it is full)
 */
public record Quota(String policy, int quota, long windowSeconds, int remaining, long resetSeconds) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param policy        the policy's name
     * @param quota         requests the key may send at once (the bucket's size)
     * @param windowSeconds seconds in which an emptied quota refills completely
     * @param remaining     requests the key may still send right now
     * @param resetSeconds  seconds until the quota is full again (0 when it is full)
     */
    public Quota {
        Objects.requireNonNull(policy, "'policy' is required");
        if (quota < 1 || windowSeconds < 1 || remaining < 0 || remaining > quota || resetSeconds < 0) {
            throw new IllegalArgumentException("inconsistent quota: " + quota + " per " + windowSeconds + " s, "
                    + remaining + " remaining, reset in " + resetSeconds + " s");
        }
    }
}
