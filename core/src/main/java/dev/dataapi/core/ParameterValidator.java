package dev.dataapi.core;

import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.ShareContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks the caller's parameter values against an endpoint's declarations: names, types,
 * constraints and required parameters. Every problem is counted and the first ones are listed (see
 * {@link CappedProblems}), so a caller fixes them in one round trip. A JSON null counts as not supplied.
 */
final class ParameterValidator {
    static final String UNKNOWN_PARAMETER = "UNKNOWN_PARAMETER";
    static final String INVALID_TYPE = "INVALID_TYPE";
    static final String REQUIRED = "REQUIRED";

    private ParameterValidator() {
    }

    /**
     * Validates {@code raw} (JSON-shaped values by name). {@code shareContext} is consulted only to
     * know which parameters a pin will fill: a pinned parameter is never missing.
     */
    static ParameterCheck validate(Endpoint endpoint, Map<String, Object> raw, ShareContext shareContext) {
        CappedProblems problems = CappedProblems.forConsumer();
        for (String name : raw.keySet()) {
            if (endpoint.parameter(name).isEmpty()) {
                problems.add(name, UNKNOWN_PARAMETER,
                        () -> ValueText.name(name) + " is not a parameter of this endpoint; " + declared(endpoint));
            }
        }
        Map<String, Object> supplied = new HashMap<>();
        for (ParameterSpec spec : endpoint.parameters()) {
            Object value = raw.get(spec.name());
            if (value == null) {
                if (spec.required() && spec.defaultValue().isEmpty() && shareContext.pin(spec.name()).isEmpty()) {
                    problems.add(spec.name(), REQUIRED,
                            () -> "'" + spec.name() + "' is required: give " + spec.type().expectation());
                }
                continue;
            }
            Optional<Object> typed = typed(spec, value, problems);
            if (typed.isPresent()) {
                int before = problems.count();
                Constraints.check(spec, typed.get(), problems);
                if (problems.count() == before) {
                    supplied.put(spec.name(), typed.get());
                }
            }
        }
        return new ParameterCheck(supplied, problems.listed(), problems.count());
    }

    private static Optional<Object> typed(ParameterSpec spec, Object value, CappedProblems problems) {
        if (!spec.type().list() || !(value instanceof List)) {
            Optional<Object> typed = spec.coerce(value);
            if (typed.isEmpty()) {
                problems.add(spec.name(), INVALID_TYPE, () -> "'" + spec.name() + "' must be " + spec.type().expectation());
            }
            return typed;
        }
        // Element by element, so that the message points at the offending item.
        ScalarType element = spec.type().element();
        List<?> items = (List<?>) value;
        boolean allTyped = true;
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            if (element.coerce(item).isEmpty()) {
                allTyped = false;
                int at = index;
                problems.add(spec.name(), INVALID_TYPE, () -> invalidElement(spec.name(), at, item, element));
            }
        }
        return allTyped ? spec.coerce(value) : Optional.empty();
    }

    private static String invalidElement(String name, int index, Object item, ScalarType element) {
        String label = "'" + name + "[" + index + "]'";
        return item == null ? label + " must not be null; expected " + element.expectation()
                : label + " must be " + element.expectation();
    }

    private static String declared(Endpoint endpoint) {
        if (endpoint.parameters().isEmpty()) {
            return "it takes no parameters";
        }
        return "it takes " + endpoint.parameters().stream().map(ParameterSpec::name).collect(Collectors.joining(", "));
    }
}
