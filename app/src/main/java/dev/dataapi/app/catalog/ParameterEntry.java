package dev.dataapi.app.catalog;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One item of an endpoint's {@code parameters:}. Each constraint is tried on its own through
 * {@link ParameterSpec.Builder}, so every bad constraint is reported, each under its own field.
 */
final class ParameterEntry {
    static final List<String> FIELDS = List.of("name", "type", "required", "default", "allowed_values",
            "min", "max", "max_length", "max_items");

    private ParameterEntry() {
    }

    /** The parameter's name as written, when it has one: the SQL check needs it even if the rest is broken. */
    static Optional<String> declaredName(YamlNode node) {
        return Fields.peekText(node, "name");
    }

    static Optional<ParameterSpec> read(YamlNode node, int index, String entry, Problems problems) {
        String path = "parameters[" + index + "]";
        Optional<Fields> opened = Fields.of(node, FIELDS, problems, entry, path);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> name = fields.requiredText("name");
        Optional<ParameterType> type = fields.requiredText("type")
                .flatMap(text -> fields.attempt("type", () -> ParameterType.fromWire(text)));
        boolean required = fields.bool("required", false);
        name.ifPresent(value -> attempt(fields, "name",
                () -> ParameterSpec.builder(value, ParameterType.scalar(ScalarType.STRING)).build()));
        if (name.isEmpty() || type.isEmpty() || !fields.clean()) {
            checkShapes(fields);
            return Optional.empty();
        }
        Supplier<ParameterSpec.Builder> base = () -> ParameterSpec.builder(name.get(), type.get()).required(required);
        ParameterSpec.Builder all = base.get();
        Optional<YamlNode> defaultValue = fields.node("default");
        if (defaultValue.isPresent()) {
            Object value = valueFor(type.get().element(), defaultValue.get());
            attempt(fields, "default", () -> base.get().defaultValue(value).build());
            all.defaultValue(value);
        }
        if (fields.node("allowed_values").isPresent()) {
            List<Object> values = new ArrayList<>();
            List<YamlNode> items = fields.list("allowed_values");
            for (int i = 0; i < items.size(); i++) {
                Object value = valueFor(type.get().element(), items.get(i));
                if (value == null) {
                    fields.problem("allowed_values[" + i + "]", "an allowed value must not be empty");
                } else {
                    values.add(value);
                }
            }
            List<Object> allowed = Collections.unmodifiableList(values);
            attempt(fields, "allowed_values", () -> base.get().allowedValues(allowed).build());
            all.allowedValues(allowed);
        }
        fields.node("min").ifPresent(bound -> {
            Object value = valueFor(type.get().element(), bound);
            attempt(fields, "min", () -> base.get().min(value).build());
            all.min(value);
        });
        fields.node("max").ifPresent(bound -> {
            Object value = valueFor(type.get().element(), bound);
            attempt(fields, "max", () -> base.get().max(value).build());
            all.max(value);
        });
        fields.integer("max_length").ifPresent(value -> {
            attempt(fields, "max_length", () -> base.get().maxLength(value).build());
            all.maxLength(value);
        });
        fields.integer("max_items").ifPresent(value -> {
            attempt(fields, "max_items", () -> base.get().maxItems(value).build());
            all.maxItems(value);
        });
        if (!fields.clean()) {
            return Optional.empty();
        }
        // What is left is a rule between constraints (min above max): it belongs to the parameter.
        try {
            return Optional.of(all.build());
        } catch (IllegalArgumentException e) {
            problems.add(entry, path, withoutParameterPrefix(e.getMessage()));
            return Optional.empty();
        }
    }

    /** With no usable name or type, the constraints cannot be checked, but their shapes still can. */
    private static void checkShapes(Fields fields) {
        fields.list("allowed_values");
        fields.integer("max_length");
        fields.integer("max_items");
    }

    /**
     * The JSON-shaped value of a default, allowed value or bound. For a string parameter any
     * scalar is taken as written ({@code allowed_values: [01, 02]} means the strings "01" and
     * "02"); for the other types YAML's own value is kept and the domain decides whether it fits.
     */
    private static Object valueFor(ScalarType element, YamlNode node) {
        if (element == ScalarType.STRING && node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).value() != null) {
            return ((YamlNode.Scalar) node).text();
        }
        if (element == ScalarType.STRING && node instanceof YamlNode.Sequence) {
            List<Object> items = new ArrayList<>();
            ((YamlNode.Sequence) node).items().forEach(item -> items.add(valueFor(element, item)));
            return Collections.unmodifiableList(items);
        }
        return node.toJsonValue();
    }

    private static void attempt(Fields fields, String key, Supplier<ParameterSpec> construction) {
        try {
            construction.get();
        } catch (IllegalArgumentException e) {
            fields.problem(key, withoutParameterPrefix(e.getMessage()));
        }
    }

    /** The field path already says which parameter; the record's message repeats it as a prefix. */
    private static String withoutParameterPrefix(String message) {
        return message.replaceFirst("^parameter '[^']*': ", "");
    }
}
