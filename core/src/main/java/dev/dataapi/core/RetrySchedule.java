package dev.dataapi.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a failed webhook delivery waits before each retry: entry {@code n} (from 0) is the wait
 * after the {@code n+1}-th failed attempt, so a schedule of {@code k} entries allows {@code k + 1}
 * attempts in all. Written as a comma-separated list such as {@code 5s,5m,30m,2h,5h,10h,10h} (the
 * Standard Webhooks schedule, the default).
 *
 * @param delays each wait, from 1 ms to a day; empty = a single attempt, no retries
 */
public record RetrySchedule(List<Duration> delays) {
    /** Longer waits make no sense: jobs, and so their deliveries, are typically kept for a day. */
    static final Duration LONGEST_DELAY = Duration.ofDays(1);
    private static final Duration SHORTEST_DELAY = Duration.ofMillis(1);
    private static final String NONE = "none";
    private static final String EXAMPLE = "5s,5m,30m,2h";
    private static final Pattern ENTRY = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param delays each wait, from 1 ms to a day; empty = a single attempt, no retries
     */
    public RetrySchedule {
        Objects.requireNonNull(delays, "'retrySchedule' is required");
        for (int i = 0; i < delays.size(); i++) {
            Duration delay = delays.get(i);
            Objects.requireNonNull(delay, "'retrySchedule' entry " + (i + 1) + " is required");
            if (delay.compareTo(SHORTEST_DELAY) < 0 || delay.compareTo(LONGEST_DELAY) > 0) {
                throw new IllegalArgumentException("'retrySchedule' entry " + (i + 1) + " must be from 1 ms to a day, got "
                        + delay);
            }
        }
        delays = List.copyOf(delays);
    }

    /**
     * The Standard Webhooks schedule: {@code 5s,5m,30m,2h,5h,10h,10h} (8 attempts over about 28 hours).
     *
     * @return the default schedule
     */
    public static RetrySchedule defaults() {
        return parse("5s,5m,30m,2h,5h,10h,10h");
    }

    /**
     * Reads a schedule such as {@code 5s,5m,30m,2h}: whole numbers with a unit of {@code ms},
     * {@code s}, {@code m}, {@code h} or {@code d}, separated by commas; {@code none} for no retries.
     *
     * @param text the schedule as configured
     * @return the schedule
     * @throws IllegalArgumentException naming the entry that is wrong and what was expected
     */
    public static RetrySchedule parse(String text) {
        Objects.requireNonNull(text, "'retrySchedule' is required");
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase(NONE)) {
            return new RetrySchedule(List.of());
        }
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("'retrySchedule' is empty: list the waits between attempts, as in "
                    + EXAMPLE + ", or write '" + NONE + "' for a single attempt");
        }
        String[] entries = trimmed.split(",", -1);
        List<Duration> delays = new ArrayList<>(entries.length);
        for (int i = 0; i < entries.length; i++) {
            Matcher matcher = ENTRY.matcher(entries[i].trim().toLowerCase(Locale.ROOT));
            if (!matcher.matches()) {
                throw new IllegalArgumentException("'retrySchedule' entry " + (i + 1) + " ('" + shorten(entries[i].trim())
                        + "') must be a whole number followed by ms, s, m, h or d, as in " + EXAMPLE);
            }
            long amount = Long.parseLong(matcher.group(1));
            Duration delay = unit(matcher.group(2)).multipliedBy(amount);
            if (delay.isZero() || delay.compareTo(LONGEST_DELAY) > 0) {
                throw new IllegalArgumentException("'retrySchedule' entry " + (i + 1) + " ('" + entries[i].trim()
                        + "') must be positive and at most a day");
            }
            delays.add(delay);
        }
        return new RetrySchedule(delays);
    }

    /**
     * How many attempts a delivery gets in all: the first one and one per entry.
     *
     * @return the number of attempts
     */
    public int attempts() {
        return delays.size() + 1;
    }

    /**
     * The wait after the {@code failedAttempts}-th failed attempt (1 for the first).
     *
     * @param failedAttempts attempts failed so far, from 1 to the number of entries
     * @return the wait before the next attempt
     * @throws IllegalArgumentException when no wait follows that attempt
     */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            throw new IllegalArgumentException("the schedule has waits after attempts 1 to " + delays.size()
                    + ", not after attempt " + failedAttempts);
        }
        return delays.get(failedAttempts - 1);
    }

    /**
     * Every wait added up: a delivery's last attempt comes at least this long after the job ended,
     * so jobs should be retained longer for every retry to happen.
     *
     * @return the sum of the waits
     */
    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** The schedule as {@link #parse} reads it, e.g. {@code 5s,5m,30m}. */
    @Override
    public String toString() {
        if (delays.isEmpty()) {
            return NONE;
        }
        StringJoiner text = new StringJoiner(",");
        delays.forEach(delay -> text.add(format(delay)));
        return text.toString();
    }

    private static Duration unit(String unit) {
        switch (unit) {
            case "ms":
                return Duration.ofMillis(1);
            case "s":
                return Duration.ofSeconds(1);
            case "m":
                return Duration.ofMinutes(1);
            case "h":
                return Duration.ofHours(1);
            default:
                return Duration.ofDays(1);
        }
    }

    private static String format(Duration delay) {
        long millis = delay.toMillis();
        if (millis > 0 && millis % Duration.ofDays(1).toMillis() == 0) {
            return delay.toDays() + "d";
        }
        if (millis > 0 && millis % Duration.ofHours(1).toMillis() == 0) {
            return delay.toHours() + "h";
        }
        if (millis > 0 && millis % Duration.ofMinutes(1).toMillis() == 0) {
            return delay.toMinutes() + "m";
        }
        if (millis > 0 && millis % 1_000 == 0) {
            return delay.toSeconds() + "s";
        }
        return millis + "ms";
    }

    private static String shorten(String entry) {
        return entry.length() <= 20 ? entry : entry.substring(0, 20) + "…";
    }
}
