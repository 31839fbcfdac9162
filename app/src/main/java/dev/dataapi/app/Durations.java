package dev.dataapi.app;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short duration spelling used in configuration: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 24h}, {@code 90d}. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})(ms|s|m|h|d)$");

    private Durations() {
    }

    static Duration parse(String name, String value) {
        return read(value).orElseThrow(() -> new ConfigException(name
                + " must be a duration such as 500ms, 2s, 5m, 24h or 90d, got '" + value + "'"));
    }

    /** {@code value} as a duration ({@code 500ms}, {@code 2s}, {@code 5m}, {@code 24h}, {@code 90d}), when it is one. */
    static Optional<Duration> read(String value) {
        Matcher matcher = SHORT.matcher(value.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return Optional.of(Duration.ofMillis(amount));
            case "s":
                return Optional.of(Duration.ofSeconds(amount));
            case "m":
                return Optional.of(Duration.ofMinutes(amount));
            case "h":
                return Optional.of(Duration.ofHours(amount));
            default:
                return Optional.of(Duration.ofDays(amount));
        }
    }
}
