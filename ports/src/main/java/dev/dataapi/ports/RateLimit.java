package dev.dataapi.ports;

/**
 * How many requests a key may make: a token bucket that holds {@code burst} requests and refills at
 * {@code requestsPerMinute}. A key idle long enough may send {@code burst} requests at once, then
 * {@code requestsPerMinute} a minute on average.
 *
 * @param requestsPerMinute sustained rate, at least 1
 * @param burst             bucket size, at least 1
 */
public record RateLimit(int requestsPerMinute, int burst) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param requestsPerMinute sustained rate, at least 1
     * @param burst             bucket size, at least 1
     */
    public RateLimit {
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("'requests_per_minute' must be at least 1, got " + requestsPerMinute);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("'burst' must be at least 1, got " + burst);
        }
    }
}
