package dev.dataapi.core;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.out.WebhookResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * What one attempt's answer means for a webhook delivery. A 2xx delivers it. A 410 Gone ends it: the
 * receiver asked us to stop. Anything else (429, 5xx, a redirect, which is never followed, another
 * 4xx, or no answer at all) is a failed attempt, retried after the schedule's next wait, or after the
 * receiver's {@code Retry-After} when that is longer, until the schedule runs out.
 */
final class RetryRules {
    /** A receiver's Retry-After is honoured up to this: a day is as long as a job is typically kept. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);
    private static final int GONE = 410;

    private final RetrySchedule schedule;
    private final double jitter;
    private final DoubleSupplier random;

    RetryRules(RetrySchedule schedule, double jitter) {
        this(schedule, jitter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random uniform numbers in [0, 1) that pick each wait's jitter */
    RetryRules(RetrySchedule schedule, double jitter, DoubleSupplier random) {
        this.schedule = schedule;
        this.jitter = jitter;
        this.random = random;
    }

    /** The delivery's state after the attempt that got {@code response} at {@code now}. */
    CallbackState after(CallbackState before, WebhookResponse response, Instant now) {
        Optional<Integer> status = response.statusCode();
        if (status.isPresent() && status.get() >= 200 && status.get() < 300) {
            return before.delivered(status.get());
        }
        if (status.isPresent() && status.get() == GONE) {
            return before.givenUp(status);
        }
        return failed(before, status, response.retryAfter(), now);
    }

    /** The delivery's state after a failed attempt: retried when the schedule allows, else given up. */
    CallbackState failed(CallbackState before, Optional<Integer> status, Optional<Duration> retryAfter, Instant now) {
        int attempts = before.attempts() + 1;
        if (attempts >= schedule.attempts()) {
            return before.givenUp(status);
        }
        Duration wait = jittered(schedule.delayAfter(attempts));
        Duration asked = retryAfter.filter(value -> !value.isNegative())
                .map(value -> value.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : value)
                .orElse(Duration.ZERO);
        return before.retryAt(status, now.plus(asked.compareTo(wait) > 0 ? asked : wait));
    }

    private Duration jittered(Duration delay) {
        if (jitter == 0) {
            return delay;
        }
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(delay.toMillis() * factor)));
    }
}
