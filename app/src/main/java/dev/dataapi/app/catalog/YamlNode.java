package dev.dataapi.app.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value as the catalog reader sees it: a scalar keeps both its resolved value and the text
 * as written, so a field that can only hold text (a name, a slug, a string default) takes the text
 * and never a number or boolean that YAML happened to resolve.
 */
sealed interface YamlNode {

    /** The line (1-based) where the value starts. */
    int line();

    /** What the value is, for messages: "a list", "a mapping", or the scalar as written. */
    String describe();

    /** The JSON-shaped Java value: null, String, Boolean, BigDecimal, List or Map. */
    Object toJsonValue();

    /**
     * A scalar.
     *
     * @param value null, {@link String}, {@link Boolean} or {@link BigDecimal}
     * @param text  the scalar exactly as written (without quotes)
     */
    record Scalar(Object value, String text, int line) implements YamlNode {
        @Override
        public String describe() {
            return value == null ? "nothing" : "'" + text + "'";
        }

        @Override
        public Object toJsonValue() {
            return value;
        }
    }

    /** A sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }

        @Override
        public Object toJsonValue() {
            List<Object> values = new ArrayList<>();
            items.forEach(item -> values.add(item.toJsonValue()));
            return Collections.unmodifiableList(values);
        }
    }

    /** A mapping with text keys, in file order. */
    record Mapping(Map<String, YamlNode> entries, int line) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }

        @Override
        public Object toJsonValue() {
            Map<String, Object> values = new LinkedHashMap<>();
            entries.forEach((key, node) -> values.put(key, node.toJsonValue()));
            return Collections.unmodifiableMap(values);
        }
    }
}
