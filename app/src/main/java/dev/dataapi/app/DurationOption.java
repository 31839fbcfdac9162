package dev.dataapi.app;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line: a whole number and a unit, {@code 30m}, {@code 12h}, {@code 90d}
 * ({@code s} also works), or {@code 0}. Whether zero makes sense is the option's call.
 */
final class DurationOption implements ITypeConverter<Duration> {
    private static final Pattern SHORT = Pattern.compile("^(\\d{1,6})([smhd])$");

    @Override
    public Duration convert(String value) {
        String text = value.trim();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = SHORT.matcher(text);
        if (!matcher.matches()) {
            throw new TypeConversionException("must be a duration such as 30m, 12h or 90d, got '" + value + "'");
        }
        long amount = Long.parseLong(matcher.group(1));
        switch (matcher.group(2)) {
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

    /** The duration as written back: {@code 90d}, {@code 12h}, {@code 2s}, {@code 500ms}. */
    static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }
}
