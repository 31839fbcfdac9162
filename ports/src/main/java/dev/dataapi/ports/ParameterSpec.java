package dev.dataapi.ports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A declared parameter of an endpoint: its name in the SQL ({@code :name}), its type and the
 * constraints every value must meet. Values given here (default, allowed values, min, max) may be
 * passed as JSON-shaped input and are normalised to the type's typed values (see {@link ScalarType}).
 *
 * @param name          SQL-style identifier
 * @param type          scalar or list type
 * @param required      whether a caller must supply it (a default or a share-context pin also satisfies it)
 * @param defaultValue  the typed default, when any
 * @param allowedValues when not empty, every value (every element, for a list) must be one of these
 * @param min           inclusive lower bound for integer, number, date and timestamp values
 * @param max           inclusive upper bound for integer, number, date and timestamp values
 * @param maxLength     longest string value, in characters (code points)
 * @param maxItems      most elements a list value may have
 */
public record ParameterSpec(String name, ParameterType type, boolean required, Optional<Object> defaultValue,
                            List<Object> allowedValues, Optional<Object> min, Optional<Object> max,
                            Optional<Integer> maxLength, Optional<Integer> maxItems) {

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param name          SQL-style identifier
     * @param type          scalar or list type
     * @param required      whether a caller must supply it (a default or a share-context pin also satisfies it)
     * @param defaultValue  the typed default, when any
     * @param allowedValues when not empty, every value (every element, for a list) must be one of these
     * @param min           inclusive lower bound for integer, number, date and timestamp values
     * @param max           inclusive upper bound for integer, number, date and timestamp values
     * @param maxLength     longest string value, in characters (code points)
     * @param maxItems      most elements a list value may have
     */
    public ParameterSpec {
        if (!Names.isParameterName(name)) {
            throw new IllegalArgumentException("parameter 'name' must be a letter or underscore followed by letters, digits"
                    + " or underscores (at most 63), got " + Names.quote(name));
        }
        Objects.requireNonNull(type, "parameter '" + name + "': 'type' is required");
        ScalarType element = type.element();
        defaultValue = Objects.requireNonNullElse(defaultValue, Optional.empty())
                .map(value -> coerceValue(name, "default", type, value));
        List<Object> allowed = new ArrayList<>();
        for (Object value : Objects.requireNonNullElse(allowedValues, List.of())) {
            allowed.add(coerceElement(name, "allowed_values", element, value));
        }
        allowedValues = Collections.unmodifiableList(allowed);
        min = orderedBound(name, "min", element, min);
        max = orderedBound(name, "max", element, max);
        if (min.isPresent() && max.isPresent() && element.compare(min.get(), max.get()) > 0) {
            throw new IllegalArgumentException("parameter '" + name + "': 'min' must not be greater than 'max'");
        }
        maxLength = Objects.requireNonNullElse(maxLength, Optional.empty());
        if (maxLength.isPresent() && (element != ScalarType.STRING || maxLength.get() < 1)) {
            throw new IllegalArgumentException("parameter '" + name + "': 'max_length' applies to string types and must be at least 1");
        }
        maxItems = Objects.requireNonNullElse(maxItems, Optional.empty());
        if (maxItems.isPresent() && (!type.list() || maxItems.get() < 1)) {
            throw new IllegalArgumentException("parameter '" + name + "': 'max_items' applies to list types and must be at least 1");
        }
    }

    /**
     * Starts a builder for a parameter of the given name and type.
     *
     * @param name the parameter's name in the SQL
     * @param type its type
     * @return a builder; nothing is checked before {@link Builder#build()}
     */
    public static Builder builder(String name, ParameterType type) {
        return new Builder(name, type);
    }

    /**
     * The typed value for {@code raw} under this parameter's type, or empty when it is not one (a
     * list must be a {@link List} whose every element is of the element type). Constraints are not
     * checked here.
     *
     * @param raw a JSON-shaped value
     * @return the typed value, or empty when {@code raw} is not of the type
     */
    public Optional<Object> coerce(Object raw) {
        if (!type.list()) {
            return type.element().coerce(raw);
        }
        if (!(raw instanceof List)) {
            return Optional.empty();
        }
        List<Object> typed = new ArrayList<>();
        for (Object element : (List<?>) raw) {
            Optional<Object> value = type.element().coerce(element);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            typed.add(value.get());
        }
        return Optional.of(Collections.unmodifiableList(typed));
    }

    private static Object coerceValue(String name, String field, ParameterType type, Object raw) {
        ParameterSpec probe = new ParameterSpec(name, type, false, Optional.empty(), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        return probe.coerce(raw).orElseThrow(() -> new IllegalArgumentException(
                "parameter '" + name + "': '" + field + "' must be " + type.expectation()));
    }

    private static Object coerceElement(String name, String field, ScalarType element, Object raw) {
        return element.coerce(raw).orElseThrow(() -> new IllegalArgumentException(
                "parameter '" + name + "': each of '" + field + "' must be " + element.expectation()));
    }

    private static Optional<Object> orderedBound(String name, String field, ScalarType element, Optional<Object> bound) {
        Optional<Object> value = Objects.requireNonNullElse(bound, Optional.empty());
        if (value.isPresent() && !element.isOrdered()) {
            throw new IllegalArgumentException("parameter '" + name + "': '" + field
                    + "' applies to integer, number, date and timestamp types only");
        }
        return value.map(raw -> coerceElement(name, field, element, raw));
    }

    /** Builds a {@link ParameterSpec}; every setter is optional. */
    public static final class Builder {
        private final String name;
        private final ParameterType type;
        private boolean required;
        private Object defaultValue;
        private List<Object> allowedValues = List.of();
        private Object min;
        private Object max;
        private Integer maxLength;
        private Integer maxItems;

        private Builder(String name, ParameterType type) {
            this.name = name;
            this.type = type;
        }

        /**
         * Whether a caller must supply a value (a default or a share-context pin also satisfies it).
         *
         * @param value true when required
         * @return this builder
         */
        public Builder required(boolean value) {
            this.required = value;
            return this;
        }

        /**
         * The value used when the caller gives none and no pin applies.
         *
         * @param value a JSON-shaped value of the parameter's type
         * @return this builder
         */
        public Builder defaultValue(Object value) {
            this.defaultValue = value;
            return this;
        }

        /**
         * The only values accepted (for a list, for each element).
         *
         * @param values JSON-shaped values of the element type
         * @return this builder
         */
        public Builder allowedValues(List<?> values) {
            this.allowedValues = List.copyOf(values);
            return this;
        }

        /**
         * Inclusive lower bound, for integer, number, date and timestamp parameters.
         *
         * @param value a JSON-shaped value of the element type
         * @return this builder
         */
        public Builder min(Object value) {
            this.min = value;
            return this;
        }

        /**
         * Inclusive upper bound, for integer, number, date and timestamp parameters.
         *
         * @param value a JSON-shaped value of the element type
         * @return this builder
         */
        public Builder max(Object value) {
            this.max = value;
            return this;
        }

        /**
         * Longest string value, in characters, for string parameters.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxLength(Integer value) {
            this.maxLength = value;
            return this;
        }

        /**
         * Most elements a list value may have, for list parameters.
         *
         * @param value at least 1
         * @return this builder
         */
        public Builder maxItems(Integer value) {
            this.maxItems = value;
            return this;
        }

        /**
         * The parameter.
         *
         * @return the checked, normalised parameter
         * @throws IllegalArgumentException naming the parameter and the field when something is invalid
         */
        public ParameterSpec build() {
            return new ParameterSpec(name, type, required, Optional.ofNullable(defaultValue), allowedValues,
                    Optional.ofNullable(min), Optional.ofNullable(max), Optional.ofNullable(maxLength),
                    Optional.ofNullable(maxItems));
        }
    }
}
