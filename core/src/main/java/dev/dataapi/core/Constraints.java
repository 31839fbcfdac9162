package dev.dataapi.core;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.in.ParameterProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that checks a typed value against a parameter's constraints (allowed values, min,
 * max, max_length, max_items). Request validation and catalog validation both use it, so a
 * default or a pin that passes at load time passes at request time too.
 */
final class Constraints {
    static final String NOT_ALLOWED = "NOT_ALLOWED";
    static final String BELOW_MIN = "BELOW_MIN";
    static final String ABOVE_MAX = "ABOVE_MAX";
    static final String TOO_LONG = "TOO_LONG";
    static final String TOO_MANY_ITEMS = "TOO_MANY_ITEMS";

    private Constraints() {
    }

    /** Every constraint {@code value} breaks; {@code value} is typed, a list of typed values for a list parameter. */
    static List<ParameterProblem> check(ParameterSpec spec, Object value) {
        if (!spec.type().list()) {
            return checkElement(spec, value, spec.name());
        }
        List<ParameterProblem> problems = new ArrayList<>();
        List<?> items = (List<?>) value;
        spec.maxItems().filter(most -> items.size() > most).ifPresent(most -> problems.add(new ParameterProblem(
                spec.name(), TOO_MANY_ITEMS,
                "'" + spec.name() + "' may have at most " + most + " items, got " + items.size())));
        for (int index = 0; index < items.size(); index++) {
            problems.addAll(checkElement(spec, items.get(index), spec.name() + "[" + index + "]"));
        }
        return problems;
    }

    /**
     * Every constraint one typed element breaks, ignoring max_items. {@code label} names the value
     * in messages, e.g. {@code regions[2]}.
     */
    static List<ParameterProblem> checkElement(ParameterSpec spec, Object element, String label) {
        ScalarType type = spec.type().element();
        List<ParameterProblem> problems = new ArrayList<>();
        List<Object> allowed = spec.allowedValues();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(candidate -> type.sameValue(candidate, element))) {
            problems.add(new ParameterProblem(spec.name(), NOT_ALLOWED,
                    "'" + label + "' must be one of " + ValueText.list(allowed) + ", got " + ValueText.of(element)));
        }
        spec.min().filter(min -> type.compare(element, min) < 0).ifPresent(min -> problems.add(new ParameterProblem(
                spec.name(), BELOW_MIN,
                "'" + label + "' must be at least " + ValueText.of(min) + ", got " + ValueText.of(element))));
        spec.max().filter(max -> type.compare(element, max) > 0).ifPresent(max -> problems.add(new ParameterProblem(
                spec.name(), ABOVE_MAX,
                "'" + label + "' must be at most " + ValueText.of(max) + ", got " + ValueText.of(element))));
        if (element instanceof String) {
            String text = (String) element;
            int length = text.codePointCount(0, text.length());
            spec.maxLength().filter(longest -> length > longest).ifPresent(longest -> problems.add(new ParameterProblem(
                    spec.name(), TOO_LONG,
                    "'" + label + "' must be at most " + longest + " characters long, got " + length)));
        }
        return problems;
    }
}
