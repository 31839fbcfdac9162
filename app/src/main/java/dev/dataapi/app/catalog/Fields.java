package dev.dataapi.app.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the fields of one mapping of a catalog file (a company, an endpoint, a parameter, a key),
 * reporting every problem under the entry's name and the field's path, and carrying on so that
 * one bad field never hides the next. A key set to nothing ({@code webhook_secret:}) counts as
 * absent.
 */
final class Fields {
    /**
     * The field of a problem found only when the whole record is built, after every field passed
     * on its own: the record's message names the fields involved.
     */
    static final String WHOLE_ENTRY = "(entry)";

    private final YamlNode.Mapping mapping;
    private final Problems problems;
    private final String entry;
    private final String prefix;
    private final int problemsBefore;

    private Fields(YamlNode.Mapping mapping, Problems problems, String entry, String prefix) {
        this.mapping = mapping;
        this.problems = problems;
        this.entry = entry;
        this.prefix = prefix;
        this.problemsBefore = problems.count();
    }

    /**
     * The fields of a mapping nested in an entry, or empty (after reporting it) when {@code node}
     * is not a mapping. Keys not in {@code allowed} are reported at once: a misspelt optional
     * field must not pass silently.
     *
     * @param path where the mapping is inside its entry, e.g. {@code parameters[1]}
     */
    static Optional<Fields> of(YamlNode node, List<String> allowed, Problems problems, String entry, String path) {
        if (!(node instanceof YamlNode.Mapping)) {
            problems.add(entry, path, notAMapping(allowed, node));
            return Optional.empty();
        }
        return Optional.of(open((YamlNode.Mapping) node, allowed, problems, entry, path + "."));
    }

    /**
     * The fields of an entry of the file (or of the file itself), as {@link #of}. An entry that is
     * not a mapping has no name yet, so it is reported on the file, at {@code position}.
     */
    static Optional<Fields> ofEntry(YamlNode node, List<String> allowed, Problems problems, String entry, String position) {
        if (!(node instanceof YamlNode.Mapping)) {
            problems.add(CatalogFile.FILE, position, notAMapping(allowed, node));
            return Optional.empty();
        }
        return Optional.of(open((YamlNode.Mapping) node, allowed, problems, entry, ""));
    }

    private static Fields open(YamlNode.Mapping mapping, List<String> allowed, Problems problems, String entry, String prefix) {
        Fields fields = new Fields(mapping, problems, entry, prefix);
        for (String key : mapping.entries().keySet()) {
            if (!allowed.contains(key)) {
                fields.problem(key, "unknown field '" + key + "' (expected one of: " + String.join(", ", allowed) + ")");
            }
        }
        return fields;
    }

    private static String notAMapping(List<String> allowed, YamlNode node) {
        return "expected a mapping with the fields " + String.join(", ", allowed) + ", got " + node.describe();
    }

    /** Reads the text of a scalar key of {@code node} without reporting anything: used to name entries. */
    static Optional<String> peekText(YamlNode node, String key) {
        if (node instanceof YamlNode.Mapping) {
            YamlNode value = ((YamlNode.Mapping) node).entries().get(key);
            if (value instanceof YamlNode.Scalar && ((YamlNode.Scalar) value).value() != null) {
                return Optional.of(((YamlNode.Scalar) value).text());
            }
        }
        return Optional.empty();
    }

    String entry() {
        return entry;
    }

    /** The full path of a field of this mapping, e.g. {@code parameters[1].type}. */
    String path(String key) {
        return prefix + key;
    }

    /** Reports a problem on a field of this mapping ({@code key} may carry an index: {@code permissions[0]}). */
    void problem(String key, String message) {
        problems.add(entry, path(key), message);
    }

    /** True when nothing was reported since these fields were opened, nested mappings included. */
    boolean clean() {
        return problems.count() == problemsBefore;
    }

    /** The value of {@code key}, absent when missing or set to nothing. */
    Optional<YamlNode> node(String key) {
        YamlNode node = mapping.entries().get(key);
        if (node == null || node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).value() == null) {
            return Optional.empty();
        }
        return Optional.of(node);
    }

    Optional<String> text(String key) {
        return node(key).flatMap(node -> text(key, node));
    }

    Optional<String> requiredText(String key) {
        if (node(key).isEmpty()) {
            problem(key, "'" + key + "' is required");
            return Optional.empty();
        }
        return text(key);
    }

    /**
     * The text of a scalar as written. Fields that can only be text take any scalar's text, so an
     * unquoted {@code name: 2024} or {@code slug: on} means what it says.
     */
    Optional<String> text(String key, YamlNode node) {
        if (node instanceof YamlNode.Scalar && ((YamlNode.Scalar) node).value() != null) {
            return Optional.of(((YamlNode.Scalar) node).text());
        }
        problem(key, "'" + key + "' must be text, got " + node.describe());
        return Optional.empty();
    }

    boolean bool(String key, boolean fallback) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return fallback;
        }
        Object value = node.get() instanceof YamlNode.Scalar ? ((YamlNode.Scalar) node.get()).value() : null;
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        problem(key, "'" + key + "' must be true or false, got " + node.get().describe());
        return fallback;
    }

    Optional<Integer> integer(String key) {
        return node(key).flatMap(node -> {
            Object value = node instanceof YamlNode.Scalar ? ((YamlNode.Scalar) node).value() : null;
            if (value instanceof BigDecimal) {
                try {
                    return Optional.of(((BigDecimal) value).intValueExact());
                } catch (ArithmeticException notAnInt) {
                    problem(key, "'" + key + "' must be a whole number in the integer range, got " + node.describe());
                    return Optional.empty();
                }
            }
            problem(key, "'" + key + "' must be a whole number, got " + node.describe());
            return Optional.empty();
        });
    }

    /** An ISO-8601 instant such as {@code 2027-06-30T00:00:00Z}; absent when missing and (after reporting it) when not one. */
    Optional<Instant> instant(String key) {
        return text(key).flatMap(text -> {
            try {
                return Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                problem(key, "'" + key + "' must be an ISO-8601 instant such as 2027-06-30T00:00:00Z, got '" + text + "'");
                return Optional.empty();
            }
        });
    }

    /** The items of a list field; empty when absent, and (after reporting it) when not a list. */
    List<YamlNode> list(String key) {
        Optional<YamlNode> node = node(key);
        if (node.isEmpty()) {
            return List.of();
        }
        if (node.get() instanceof YamlNode.Sequence) {
            return ((YamlNode.Sequence) node.get()).items();
        }
        problem(key, "'" + key + "' must be a list, got " + node.get().describe());
        return List.of();
    }

    Optional<YamlNode.Mapping> mapping(String key) {
        return node(key).flatMap(node -> {
            if (node instanceof YamlNode.Mapping) {
                return Optional.of((YamlNode.Mapping) node);
            }
            problem(key, "'" + key + "' must be a mapping, got " + node.describe());
            return Optional.empty();
        });
    }

    /**
     * Runs a domain constructor or parser and reports its {@link IllegalArgumentException} under
     * {@code key}: the domain records hold the rules, this file format only says where they broke.
     */
    <T> Optional<T> attempt(String key, Supplier<T> construction) {
        try {
            return Optional.of(construction.get());
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return Optional.empty();
        }
    }
}
