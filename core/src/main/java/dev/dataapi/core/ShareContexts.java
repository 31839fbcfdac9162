package dev.dataapi.core;

import dev.dataapi.ports.ShareContext;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares share contexts the way a consumer reads them, as JSON: {@code 1.0} and {@code 1} are
 * the same number, and a pinned list is the set of values it allows, so {@code [Sul, Norte]} and
 * {@code [Norte, Sul]} pin the same thing. A scalar pin and a one-element list stay different.
 * Used to decide whether a key may read a job, which must not depend on how a store spells numbers.
 */
final class ShareContexts {

    private ShareContexts() {
    }

    /** True when both pin the same parameters to the same values. */
    static boolean same(ShareContext left, ShareContext right) {
        Map<String, Object> leftPins = left.pins();
        Map<String, Object> rightPins = right.pins();
        if (!leftPins.keySet().equals(rightPins.keySet())) {
            return false;
        }
        for (Map.Entry<String, Object> pin : leftPins.entrySet()) {
            if (!normalised(pin.getValue()).equals(normalised(rightPins.get(pin.getKey())))) {
                return false;
            }
        }
        return true;
    }

    private static Object normalised(Object value) {
        if (value instanceof List) {
            Set<Object> values = new HashSet<>();
            for (Object element : (List<?>) value) {
                values.add(normalised(element));
            }
            return values;
        }
        if (value instanceof BigDecimal) {
            BigDecimal number = (BigDecimal) value;
            return number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        }
        return value;
    }
}
