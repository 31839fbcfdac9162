package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.in.Quota;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The per-key rate limiter")
class KeyRateLimiterTest {
    private final MutableClock clock = new MutableClock(ServiceHarness.NOW);

    @Test
    @DisplayName("lets a key send its burst at once, then refuses with the wait until the next request is allowed")
    void burstThenRefusal() {
        KeyRateLimiter limiter = new KeyRateLimiter(Optional.of(new RateLimit(60, 3)), clock);
        ApiKey key = aKey().build();

        for (int remaining = 2; remaining >= 0; remaining--) {
            RateDecision decision = limiter.admit(key);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.quota()).contains(new Quota("api-key", 3, 3, remaining, 3 - remaining));
        }
        RateDecision refused = limiter.admit(key);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(refused.quota()).contains(new Quota("api-key", 3, 3, 0, 3));
    }

    @Test
    @DisplayName("refills at the sustained rate: 30 a minute is one every 2 seconds")
    void refill() {
        KeyRateLimiter limiter = new KeyRateLimiter(Optional.empty(), clock);
        ApiKey key = aKey().limitedTo(30, 1).build();
        assertThat(limiter.admit(key).allowed()).isTrue();

        clock.advance(Duration.ofMillis(500));
        RateDecision early = limiter.admit(key);
        clock.advance(Duration.ofMillis(1_500));
        RateDecision onTime = limiter.admit(key);

        assertThat(early.allowed()).isFalse();
        assertThat(early.retryAfter()).as("1.5 s left, rounded up").isEqualTo(Duration.ofSeconds(2));
        assertThat(onTime.allowed()).isTrue();
    }

    @Test
    @DisplayName("applies a key's own limit over the default, and keys never share a bucket")
    void ownLimitAndSeparateBuckets() {
        KeyRateLimiter limiter = new KeyRateLimiter(Optional.of(new RateLimit(600, 100)), clock);
        ApiKey strict = aKey().withId("strict").limitedTo(1, 1).build();
        ApiKey other = aKey().withId("other").build();

        assertThat(limiter.admit(strict).allowed()).isTrue();
        assertThat(limiter.admit(strict).allowed()).isFalse();
        RateDecision otherDecision = limiter.admit(other);

        assertThat(otherDecision.allowed()).isTrue();
        assertThat(otherDecision.quota()).map(Quota::quota).contains(100);
    }

    @Test
    @DisplayName("does not limit, nor report a quota for, a key without a limit when there is no default")
    void unlimited() {
        KeyRateLimiter limiter = KeyRateLimiter.onlyKeysWithOwnLimits(clock);
        ApiKey key = aKey().build();

        for (int i = 0; i < 1_000; i++) {
            assertThat(limiter.admit(key)).isEqualTo(RateDecision.UNLIMITED);
        }
    }

    @Test
    @DisplayName("drops the buckets of idle keys once there are many, and keeps limiting the busy ones")
    void tidy() {
        KeyRateLimiter limiter = new KeyRateLimiter(Optional.of(new RateLimit(60, 1)), clock);
        for (int i = 0; i < 10_001; i++) {
            assertThat(limiter.admit(aKey().withId("idle-" + i).build()).allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(2));
        ApiKey busy = aKey().withId("busy").build();

        assertThat(limiter.admit(busy).allowed()).isTrue();
        assertThat(limiter.bucketCount()).as("only the busy key's bucket is left").isEqualTo(1);
        assertThat(limiter.admit(busy).allowed()).as("and it still counts").isFalse();
    }

    @Test
    @DisplayName("follows a key's limit when the catalog changes it, keeping what was already spent")
    void limitChange() {
        KeyRateLimiter limiter = new KeyRateLimiter(Optional.empty(), clock);
        assertThat(limiter.admit(aKey().limitedTo(60, 10).build()).allowed()).isTrue();

        RateDecision smaller = limiter.admit(aKey().limitedTo(60, 2).build());

        assertThat(smaller.allowed()).isTrue();
        assertThat(smaller.quota()).contains(new Quota("api-key", 2, 2, 1, 1));
    }
}
