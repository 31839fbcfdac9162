package dev.dataapi.ports;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values an API key pins for the parameters of any endpoint it runs: {@code regions: [Sul]} means
 * the key only ever sees the Sul region. A pin is a scalar (string, boolean, number) or a list of
 * scalars, in JSON-shaped form; it is typed against each endpoint's parameter when used.
 *
 * @param pins parameter name to pinned value
 */
public record ShareContext(Map<String, Object> pins) {
    private static final ShareContext NONE = new ShareContext(Map.of());

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param pins parameter name to pinned value
     */
    public ShareContext {
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNullElse(pins, Map.<String, Object>of()).forEach((name, value) -> {
            if (!Names.isParameterName(name)) {
                throw new IllegalArgumentException("share_context: '" + name + "' is not a valid parameter name");
            }
            copy.put(name, requirePinValue(name, value));
        });
        pins = Collections.unmodifiableMap(copy);
    }

    /**
     * A share context that pins nothing.
     *
     * @return the empty share context
     */
    public static ShareContext none() {
        return NONE;
    }

    /**
     * The pinned value for a parameter, when the key pins it.
     *
     * @param parameter a parameter name
     * @return the pinned scalar or list, or empty
     */
    public Optional<Object> pin(String parameter) {
        return Optional.ofNullable(pins.get(parameter));
    }

    /**
     * True when nothing is pinned.
     *
     * @return whether the share context pins no parameter
     */
    public boolean isEmpty() {
        return pins.isEmpty();
    }

    private static Object requirePinValue(String name, Object value) {
        if (value instanceof List) {
            List<?> list = (List<?>) value;
            if (list.isEmpty()) {
                throw new IllegalArgumentException("share_context '" + name + "': a pinned list must not be empty");
            }
            for (Object element : list) {
                requireScalar(name, element);
            }
            return List.copyOf(list);
        }
        return requireScalar(name, value);
    }

    private static Object requireScalar(String name, Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString());
        }
        throw new IllegalArgumentException("share_context '" + name
                + "': a pin must be a string, number, boolean or a non-empty list of them");
    }
}
