package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.dataapi.ports.in.ExecuteInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an execute body ({@code {"parameter_values": {...}, "callback_url": "..."}}) into an
 * {@link ExecuteInput}. Problems become {@link ExecuteInput.Unreadable} with a message that names the
 * field; they are not answered here, because the use case must authenticate first.
 */
final class ExecuteInputParser {

    static final String PARAMETER_VALUES = "parameter_values";
    static final String CALLBACK_URL = "callback_url";

    private static final Set<String> FIELDS = Set.of(PARAMETER_VALUES, CALLBACK_URL);
    // Messages quote caller input; a bound keeps a huge key or token out of responses and logs.
    private static final int MAX_QUOTED = 60;
    private static final int MAX_PARSER_MESSAGE = 120;
    private static final Pattern PARSER_CONFIGURATION = Pattern.compile(", from `[^`]*`");
    // "(start marker at [Source: REDACTED (`StreamReadFeature…` disabled); line: 1, column: 1])", "at [Source: …]"
    private static final Pattern SOURCE_DESCRIPTION = Pattern.compile(
            "\\s*(\\(start marker )?(at )?\\[Source: [^\\]]*\\]\\)?");

    private ExecuteInputParser() {
    }

    static ExecuteInput parse(byte[] body) {
        Object root;
        try (JsonParser parser = Json.FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return ExecuteInput.Parsed.empty();
            }
            root = JsonValues.read(parser, first);
            if (parser.nextToken() != null) {
                return new ExecuteInput.Unreadable("the body is not valid JSON: unexpected content after the JSON value"
                        + at(parser.currentTokenLocation()));
            }
        } catch (JsonProcessingException e) {
            return new ExecuteInput.Unreadable("the body is not valid JSON" + at(e.getLocation()) + ": "
                    + shorten(e.getOriginalMessage(), MAX_PARSER_MESSAGE));
        } catch (IOException e) {
            // Parsing an in-memory array only fails through JsonProcessingException; keep the type honest.
            throw new UncheckedIOException(e);
        }
        return fromTree(root);
    }

    private static ExecuteInput fromTree(Object root) {
        if (!(root instanceof Map)) {
            return new ExecuteInput.Unreadable("the body must be a JSON object with optional fields '"
                    + PARAMETER_VALUES + "' and '" + CALLBACK_URL + "'");
        }
        Map<?, ?> fields = (Map<?, ?>) root;
        for (Object name : fields.keySet()) {
            if (!FIELDS.contains(name)) {
                return new ExecuteInput.Unreadable("unknown field " + quote(String.valueOf(name))
                        + " in the body; only '" + PARAMETER_VALUES + "' and '" + CALLBACK_URL + "' are accepted");
            }
        }
        Object values = fields.get(PARAMETER_VALUES);
        if (values != null && !(values instanceof Map)) {
            return new ExecuteInput.Unreadable("'" + PARAMETER_VALUES + "' must be a JSON object of parameter names to values");
        }
        Object callback = fields.get(CALLBACK_URL);
        if (callback != null && !(callback instanceof String)) {
            return new ExecuteInput.Unreadable("'" + CALLBACK_URL + "' must be a string");
        }
        @SuppressWarnings("unchecked") // JsonValues builds objects as Map<String, Object>
        Map<String, Object> parameterValues = values == null ? Map.of() : (Map<String, Object>) values;
        return new ExecuteInput.Parsed(parameterValues, Optional.ofNullable((String) callback));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String quote(String text) {
        return "'" + shorten(text, MAX_QUOTED) + "'";
    }

    private static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        // Jackson's messages name its own configuration classes and source descriptions; consumers
        // need only what is wrong (the location is given separately, as line and column).
        String oneLine = PARSER_CONFIGURATION.matcher(SOURCE_DESCRIPTION.matcher(text).replaceAll("")).replaceAll("")
                .replaceAll("\\s+", " ").strip();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
