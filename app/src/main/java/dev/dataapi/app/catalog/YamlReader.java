package dev.dataapi.app.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YamlNode}s with YAML 1.2 core-schema scalars.
 *
 * <p>Jackson's YAML parser resolves plain scalars the YAML 1.1 way: {@code on}, {@code yes} and
 * {@code NO} become booleans and {@code 012} an octal 10. A catalog written by hand must not change
 * meaning that way, so only the token structure is taken from Jackson and every plain scalar it
 * did not leave as a string is resolved again by {@link PlainScalars}: {@code null}/{@code ~}/empty,
 * {@code true}, {@code false} and decimal numbers; everything else is text. Dates stay text too. Quoted scalars
 * are always text. Aliases are refused (they would silently read as the anchor's name) and so are
 * duplicate keys (the last one would silently win).
 */
final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /** What reading gave: a document (absent when the text holds none), or why it is not YAML we accept. */
    sealed interface Outcome {
    }

    /** The document's root, absent for an empty file or one holding only comments. */
    record Parsed(Optional<YamlNode> root) implements Outcome {
    }

    /** The text is not YAML, or uses a feature a catalog file must not use. */
    record Malformed(int line, String message) implements Outcome {
    }

    private YamlReader() {
    }

    static Outcome read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return new Parsed(Optional.empty());
            }
            YamlNode root = readValue(parser);
            if (parser.nextToken() != null) {
                return new Malformed(line(parser), "a catalog file holds one YAML document, found a second one");
            }
            return new Parsed(Optional.of(root));
        } catch (Refused refused) {
            return new Malformed(refused.line, refused.getMessage());
        } catch (JsonProcessingException e) {
            return malformed(e);
        } catch (IOException e) {
            // Reading from a String does no I/O; Jackson declares it anyway.
            return new Malformed(0, "could not read the YAML text: " + e.getMessage());
        }
    }

    private static YamlNode readValue(JsonParser parser) throws IOException, Refused {
        JsonToken token = parser.currentToken();
        int line = line(parser);
        if (token == JsonToken.START_OBJECT) {
            Map<String, YamlNode> entries = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int keyLine = line(parser);
                parser.nextToken();
                if (entries.put(key, readValue(parser)) != null) {
                    throw new Refused(keyLine, "key '" + key + "' appears twice in the same mapping");
                }
            }
            return new YamlNode.Mapping(entries, line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<YamlNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(readValue(parser));
            }
            return new YamlNode.Sequence(items, line);
        }
        if (((YAMLParser) parser).isCurrentAlias()) {
            throw new Refused(line, "aliases (*" + parser.getText() + ") are not supported in a catalog file; write the value out");
        }
        String text = parser.getText();
        return new YamlNode.Scalar(token == JsonToken.VALUE_STRING ? text : PlainScalars.resolve(text), text, line);
    }

    private static Malformed malformed(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException) {
            MarkedYAMLException yaml = (MarkedYAMLException) e.getCause();
            if (yaml.getProblemMark() != null) {
                String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                        : " (" + yaml.getContext() + " at line " + (yaml.getContextMark().getLine() + 1) + ")";
                return new Malformed(yaml.getProblemMark().getLine() + 1, yaml.getProblem() + " at column "
                        + (yaml.getProblemMark().getColumn() + 1) + context);
            }
        }
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        if (e.getOriginalMessage().startsWith("Expected a field name")) {
            // Jackson's wording names parser internals; what the author did was use a list or mapping as a key.
            return new Malformed(line, "a mapping key must be plain text, not a list or a mapping");
        }
        return new Malformed(line, e.getOriginalMessage());
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }

    /** A YAML feature the catalog refuses; unwinds the recursive read to {@link #read}. */
    private static final class Refused extends Exception {
        private final int line;

        Refused(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
