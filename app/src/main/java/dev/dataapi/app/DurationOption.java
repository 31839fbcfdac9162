package dev.dataapi.app;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A duration on the command line: a whole number and a unit, {@code 30m}, {@code 12h}, {@code 90d}
 * ({@code 500ms} and {@code 2s} also work), or {@code 0}. Whether zero makes sense is the option's call.
 */
final class DurationOption implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String text = value.trim();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        return Durations.read(text).orElseThrow(() ->
                new TypeConversionException("must be a duration such as 30m, 12h or 90d, got '" + value + "'"));
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
