package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.in.Quota;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets, one per API key, held in this instance's memory: a key's own {@link RateLimit} when
 * it has one, else the service's default, else no limit. With N instances behind a load balancer a
 * key may send up to N times its limit in total; the limit protects each instance, not a global
 * budget. Thread-safe.
 */
public final class KeyRateLimiter {
    /** The name of the policy in the RateLimit header fields. */
    static final String POLICY = "api-key";

    /** Idle buckets are dropped once there are this many, so departed keys do not accumulate. */
    private static final int TIDY_ABOVE = 10_000;
    private static final Duration TIDY_EVERY = Duration.ofMinutes(1);

    private final Optional<RateLimit> defaultLimit;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> tidiedAt = new AtomicReference<>(Instant.MIN);

    /**
     * @param defaultLimit the limit of keys without their own; empty means such keys are not limited
     * @param clock        measures refills
     */
    public KeyRateLimiter(Optional<RateLimit> defaultLimit, Clock clock) {
        this.defaultLimit = Objects.requireNonNull(defaultLimit, "'defaultLimit' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
    }

    /**
     * A limiter that limits only keys with their own rate limit.
     *
     * @param clock measures refills
     * @return a limiter without a default limit
     */
    public static KeyRateLimiter onlyKeysWithOwnLimits(Clock clock) {
        return new KeyRateLimiter(Optional.empty(), clock);
    }

    /** Takes one request from {@code key}'s bucket, when it has a limit. */
    RateDecision admit(ApiKey key) {
        Optional<RateLimit> limit = key.rateLimit().or(() -> defaultLimit);
        if (limit.isEmpty()) {
            return RateDecision.UNLIMITED;
        }
        Instant now = clock.instant();
        tidy(now);
        while (true) {
            TokenBucket bucket = buckets.computeIfAbsent(key.id(), id -> new TokenBucket(limit.get(), now));
            Optional<RateDecision> decision = bucket.take(limit.get(), now);
            if (decision.isPresent()) {
                return decision.get();
            }
            // Tidied away between the lookup and the take: a full bucket, so a fresh one is the same.
            buckets.remove(key.id(), bucket);
        }
    }

    /** How many keys have a bucket now (idle ones are dropped from time to time). */
    int bucketCount() {
        return buckets.size();
    }

    /** Drops full (idle) buckets when there are many, at most once a minute, so no request pays for a scan each time. */
    private void tidy(Instant now) {
        if (buckets.size() <= TIDY_ABOVE) {
            return;
        }
        Instant last = tidiedAt.get();
        if (now.isBefore(last.plus(TIDY_EVERY)) || !tidiedAt.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(bucket -> bucket.retireIfFullAt(now));
    }

    /** One key's bucket; its methods are synchronized on the bucket, so keys never contend with each other. */
    private static final class TokenBucket {
        private RateLimit limit;
        private double tokens;
        private boolean retired;
        private Instant refilledAt;

        TokenBucket(RateLimit limit, Instant now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        /** Takes one request; empty when the bucket was retired by a tidy (the caller takes from a new one). */
        synchronized Optional<RateDecision> take(RateLimit current, Instant now) {
            if (retired) {
                return Optional.empty();
            }
            if (!current.equals(limit)) {
                // The catalog changed the key's limit: keep what was spent, within the new size.
                limit = current;
                tokens = Math.min(tokens, current.burst());
            }
            refill(now);
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            Duration retryAfter = allowed ? Duration.ZERO : secondsFor(1 - tokens);
            Quota quota = new Quota(POLICY, limit.burst(), windowSeconds(), (int) Math.floor(tokens),
                    ceilSeconds(limit.burst() - tokens));
            return Optional.of(new RateDecision(allowed, Optional.of(quota), retryAfter));
        }

        /** Retires the bucket when it is full: no request can then be taken from it unseen. */
        synchronized boolean retireIfFullAt(Instant now) {
            refill(now);
            retired = tokens >= limit.burst();
            return retired;
        }

        private void refill(Instant now) {
            if (now.isAfter(refilledAt)) {
                double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
                tokens = Math.min(limit.burst(), tokens + elapsedSeconds * perSecond());
                refilledAt = now;
            }
        }

        private double perSecond() {
            return limit.requestsPerMinute() / 60.0;
        }

        private long windowSeconds() {
            return Math.max(1, (long) Math.ceil(limit.burst() / perSecond()));
        }

        private long ceilSeconds(double missingTokens) {
            return missingTokens <= 0 ? 0 : (long) Math.ceil(missingTokens / perSecond());
        }

        private Duration secondsFor(double missingTokens) {
            return Duration.ofSeconds(Math.max(1, ceilSeconds(missingTokens)));
        }
    }
}
