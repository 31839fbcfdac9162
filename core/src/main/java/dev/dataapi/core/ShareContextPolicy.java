package dev.dataapi.core;

import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.in.RejectionCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a key's share context to validated parameter values: pins fill omitted parameters
 * (before defaults), supplied values must stay within the pins, and an endpoint's
 * {@code require_share_context} turns away keys without the pins it needs.
 *
 * <p>Messages name the parameter and never a pinned value: a key's pins are the data owner's
 * business, and a caller probing with values must learn nothing beyond "not allowed".
 */
final class ShareContextPolicy {
    private static final String CODE = RejectionCode.SHARE_CONTEXT_VIOLATION.name();

    private ShareContextPolicy() {
    }

    /** Decides every declared parameter the key pins or the endpoint requires pinned. */
    static PinOutcome apply(Endpoint endpoint, Map<String, Object> supplied, ShareContext shareContext) {
        Map<String, Object> pinned = new HashMap<>();
        CappedProblems violations = CappedProblems.forConsumer();
        for (ParameterSpec spec : endpoint.parameters()) {
            String name = spec.name();
            Optional<Object> pin = shareContext.pin(name);
            if (pin.isEmpty()) {
                if (endpoint.requireShareContext().contains(name)) {
                    violations.add(name, CODE, () -> "'" + name
                            + "' must be pinned by the API key's share context to run this endpoint");
                }
                continue;
            }
            Optional<PinnedValues> values = PinnedValues.of(spec, pin.get());
            if (values.isEmpty()) {
                violations.add(name, CODE, () -> "'" + name
                        + "' cannot be used with this API key: its share context does not fit this endpoint");
            } else if (supplied.containsKey(name)) {
                checkSupplied(spec, supplied.get(name), values.get())
                        .ifPresent(message -> violations.add(name, CODE, () -> message));
            } else {
                Optional<Object> effective = effective(spec, values.get());
                if (effective.isEmpty()) {
                    violations.add(name, CODE, () -> "'" + name + "' must be given: this API key's share context"
                            + " allows several values, choose one of them");
                } else if (!Constraints.allows(spec, effective.get())) {
                    violations.add(name, CODE, () -> "'" + name + "' must be given: what this API key's share context"
                            + " pins does not meet this endpoint's constraints, choose among its values");
                } else {
                    pinned.put(name, effective.get());
                }
            }
        }
        return new PinOutcome(pinned, violations.listed(), violations.count());
    }

    /** What is wrong with a supplied value, when the pin refuses it. */
    private static Optional<String> checkSupplied(ParameterSpec spec, Object value, PinnedValues pin) {
        ScalarType type = spec.type().element();
        String name = spec.name();
        if (!spec.type().list()) {
            return pin.allows(type, value) ? Optional.empty()
                    : Optional.of("'" + name + "' is outside what this API key's share context allows");
        }
        List<?> items = (List<?>) value;
        if (items.isEmpty()) {
            // An empty list would otherwise mean "no filter" to many queries: never a way around a pin.
            return Optional.of("'" + name + "' must not be empty: this API key's share context limits its values");
        }
        boolean within = items.stream().allMatch(item -> pin.allows(type, item));
        return within ? Optional.empty()
                : Optional.of("'" + name + "' has values outside what this API key's share context allows");
    }

    /** The value a pin gives an omitted parameter, or empty when the caller must choose. */
    private static Optional<Object> effective(ParameterSpec spec, PinnedValues pin) {
        if (spec.type().list()) {
            return Optional.of(pin.values());
        }
        return pin.values().size() == 1 ? Optional.of(pin.values().get(0)) : Optional.empty();
    }
}
