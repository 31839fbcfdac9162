package dev.dataapi.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the short duration spelling used in configuration: {@code 500ms}, {@code 2s}, {@code 5m}, {@code 24h}, {@code 90d}. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("^(\\d{1,9})(ms|s|m|h|d)$");

    private Durations() {
    }

    static Duration parse(String name, String value) {
        Matcher matcher = SHORT.matcher(value.trim());
        if (!matcher.matches()) {
            throw new ConfigException(name + " must be a duration such as 500ms, 2s, 5m, 24h or 90d, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                return Duration.ofDays(amount);
        }
    }
}
