package dev.dataapi.core;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ScalarType;
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
    /** The index of a scalar value, which is named without brackets. */
    static final int WHOLE_VALUE = -1;

    private Constraints() {
    }

    /** True when {@code value} (typed) breaks none of the parameter's constraints. */
    static boolean allows(ParameterSpec spec, Object value) {
        CappedProblems problems = CappedProblems.forConsumer();
        check(spec, value, problems);
        return problems.isEmpty();
    }

    /** Adds every constraint {@code value} breaks; {@code value} is typed, a list of typed values for a list parameter. */
    static void check(ParameterSpec spec, Object value, CappedProblems problems) {
        if (!spec.type().list()) {
            checkElement(spec, value, WHOLE_VALUE, problems);
            return;
        }
        List<?> items = (List<?>) value;
        spec.maxItems().filter(most -> items.size() > most).ifPresent(most -> problems.add(spec.name(), TOO_MANY_ITEMS,
                () -> "'" + spec.name() + "' may have at most " + most + " items, got " + items.size()));
        for (int index = 0; index < items.size(); index++) {
            checkElement(spec, items.get(index), index, problems);
        }
    }

    /**
     * Adds every constraint one typed element breaks, ignoring max_items. {@code index} places it
     * in its list for messages ({@code regions[2]}); {@link #WHOLE_VALUE} for a scalar.
     */
    static void checkElement(ParameterSpec spec, Object element, int index, CappedProblems problems) {
        ScalarType type = spec.type().element();
        List<Object> allowed = spec.allowedValues();
        if (!allowed.isEmpty() && allowed.stream().noneMatch(candidate -> type.sameValue(candidate, element))) {
            problems.add(spec.name(), NOT_ALLOWED, () -> "'" + label(spec, index) + "' must be one of "
                    + ValueText.list(allowed) + ", got " + ValueText.of(element));
        }
        spec.min().filter(min -> type.compare(element, min) < 0).ifPresent(min -> problems.add(spec.name(), BELOW_MIN,
                () -> "'" + label(spec, index) + "' must be at least " + ValueText.of(min) + ", got " + ValueText.of(element)));
        spec.max().filter(max -> type.compare(element, max) > 0).ifPresent(max -> problems.add(spec.name(), ABOVE_MAX,
                () -> "'" + label(spec, index) + "' must be at most " + ValueText.of(max) + ", got " + ValueText.of(element)));
        if (element instanceof String && spec.maxLength().isPresent()) {
            String text = (String) element;
            int longest = spec.maxLength().get();
            int length = text.codePointCount(0, text.length());
            if (length > longest) {
                problems.add(spec.name(), TOO_LONG,
                        () -> "'" + label(spec, index) + "' must be at most " + longest + " characters long, got " + length);
            }
        }
    }

    private static String label(ParameterSpec spec, int index) {
        return index == WHOLE_VALUE ? spec.name() : spec.name() + "[" + index + "]";
    }
}
