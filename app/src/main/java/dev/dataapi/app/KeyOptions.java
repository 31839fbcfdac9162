package dev.dataapi.app;

import dev.dataapi.ports.Names;
import dev.dataapi.ports.Permission;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The small values of the {@code keys} options, each parsed by the domain's own rules so that the
 * command line accepts exactly what a catalog file accepts. A value they refuse is a usage error.
 */
final class KeyOptions {

    private KeyOptions() {
    }

    /** {@code data_api:execute} or {@code data_api:get_job}. */
    static final class PermissionValue implements ITypeConverter<Permission> {
        @Override
        public Permission convert(String value) {
            try {
                return Permission.fromWire(value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A kebab-case namespace. */
    static final class NamespaceValue implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return Names.requireKebabCase("namespace", value.trim());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A sustained rate, {@code N/min} with N at least 1. */
    static final class PerMinuteValue implements ITypeConverter<Integer> {
        private static final Pattern PER_MINUTE = Pattern.compile("^(\\d{1,7})\\s*/\\s*min$");

        @Override
        public Integer convert(String value) {
            Matcher matcher = PER_MINUTE.matcher(value.trim());
            if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1) {
                throw new TypeConversionException("must be requests a minute such as 120/min (at least 1/min), got '"
                        + value + "'");
            }
            return Integer.parseInt(matcher.group(1));
        }
    }
}
