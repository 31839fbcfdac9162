package dev.dataapi.core;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A key's pin for one parameter, typed with that parameter's element type. A pin is a scalar or a
 * list in the catalog; here it is always the list of values it allows, plus whether it was a list.
 *
 * @param values  the allowed typed values, never empty
 * @param wasList whether the catalog pinned a list
 */
record PinnedValues(List<Object> values, boolean wasList) {
    PinnedValues {
        values = List.copyOf(values);
    }

    /** The typed pin, or empty when a value does not fit the parameter's element type. */
    static Optional<PinnedValues> of(ParameterSpec spec, Object pin) {
        ScalarType element = spec.type().element();
        List<?> raw = pin instanceof List ? (List<?>) pin : List.of(pin);
        List<Object> typed = new ArrayList<>();
        for (Object value : raw) {
            Optional<Object> coerced = element.coerce(value);
            if (coerced.isEmpty()) {
                return Optional.empty();
            }
            typed.add(coerced.get());
        }
        return typed.isEmpty() ? Optional.empty() : Optional.of(new PinnedValues(typed, pin instanceof List));
    }

    /** True when {@code value} (typed) is one of the pinned values. */
    boolean allows(ScalarType type, Object value) {
        return values.stream().anyMatch(pinned -> type.sameValue(pinned, value));
    }
}
