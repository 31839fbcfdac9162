package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.out.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryRulesTest {
    private static final Instant NOW = Instant.parse("2026-04-11T10:30:00Z");
    private static final RetrySchedule SCHEDULE = RetrySchedule.parse("5s,5m");
    private final RetryRules rules = new RetryRules(SCHEDULE, 0);

    private static WebhookResponse answered(int status) {
        return WebhookResponse.answered(status, Optional.empty());
    }

    private static CallbackState after(int attempts) {
        CallbackState state = CallbackState.pending();
        for (int i = 0; i < attempts; i++) {
            state = state.retryAt(Optional.of(500), NOW);
        }
        return state;
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void given_a_2xx_then_delivered_with_its_status(int status) {
        assertThat(rules.after(after(1), answered(status), NOW))
                .isEqualTo(new CallbackState(CallbackStatus.DELIVERED, 2, Optional.of(status), Optional.empty()));
    }

    @Test
    void given_410_on_the_first_attempt_then_given_up_although_retries_remain() {
        assertThat(rules.after(CallbackState.pending(), answered(410), NOW))
                .isEqualTo(new CallbackState(CallbackStatus.FAILED, 1, Optional.of(410), Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 301, 302, 307, 400, 401, 404, 408, 429, 500, 502, 503, 504})
    void given_any_other_status_then_a_failed_attempt_retried_after_the_schedules_wait(int status) {
        assertThat(rules.after(CallbackState.pending(), answered(status), NOW))
                .isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.of(status), Optional.of(NOW.plusSeconds(5))));
        assertThat(rules.after(after(1), answered(status), NOW).nextAttemptAt()).contains(NOW.plusSeconds(300));
    }

    @Test
    void given_no_answer_then_a_failed_attempt_without_a_status() {
        assertThat(rules.after(CallbackState.pending(), WebhookResponse.noAnswer("connection refused"), NOW))
                .isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.empty(), Optional.of(NOW.plusSeconds(5))));
    }

    @Test
    void given_the_last_attempt_of_the_schedule_fails_then_given_up_with_its_status() {
        assertThat(rules.after(after(2), answered(503), NOW))
                .isEqualTo(new CallbackState(CallbackStatus.FAILED, 3, Optional.of(503), Optional.empty()));
        assertThat(new RetryRules(RetrySchedule.parse("none"), 0).after(CallbackState.pending(), answered(500), NOW)
                .status()).isEqualTo(CallbackStatus.FAILED);
    }

    @Test
    void given_a_retry_after_then_the_longer_of_it_and_the_schedule_wins_capped_at_a_day() {
        WebhookResponse shortWait = WebhookResponse.answered(429, Optional.of(Duration.ofSeconds(1)));
        WebhookResponse longWait = WebhookResponse.answered(503, Optional.of(Duration.ofMinutes(10)));
        WebhookResponse weekWait = WebhookResponse.answered(503, Optional.of(Duration.ofDays(7)));

        assertThat(rules.after(CallbackState.pending(), shortWait, NOW).nextAttemptAt()).contains(NOW.plusSeconds(5));
        assertThat(rules.after(CallbackState.pending(), longWait, NOW).nextAttemptAt()).contains(NOW.plusSeconds(600));
        assertThat(rules.after(CallbackState.pending(), weekWait, NOW).nextAttemptAt()).contains(NOW.plus(Duration.ofDays(1)));
    }

    @Test
    void given_jitter_then_each_wait_varies_by_at_most_that_fraction_either_way() {
        RetrySchedule tenSeconds = RetrySchedule.parse("10s");

        assertThat(nextWith(tenSeconds, 0.0)).isEqualTo(Duration.ofSeconds(9));
        assertThat(nextWith(tenSeconds, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(nextWith(tenSeconds, 0.99999)).isBetween(Duration.ofMillis(10_999), Duration.ofSeconds(11));
    }

    private static Duration nextWith(RetrySchedule schedule, double random) {
        CallbackState next = new RetryRules(schedule, 0.1, () -> random).after(CallbackState.pending(), answered(500), NOW);
        return Duration.between(NOW, next.nextAttemptAt().orElseThrow());
    }
}
