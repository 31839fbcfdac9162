package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns JSON into the JSON-shaped Java values the ports expect: {@link String}, {@link Boolean},
 * {@link java.math.BigDecimal} for every number (exactly as written: no double rounding, integers
 * included), {@link List}, {@link LinkedHashMap} (key order kept) and {@code null}.
 */
final class JsonValues {

    /**
     * Jackson bounds a number's digits, not its exponent: {@code 1e999999999} is a short literal whose
     * plain form has a billion digits. No parameter needs such a value, and code further on (text
     * conversion, database binding) must never be handed one.
     */
    static final int MAX_EXPONENT = 1000;

    private JsonValues() {
    }

    /** Reads the value that starts at {@code token}, leaving the parser on its last token. */
    static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            case START_ARRAY:
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next));
                }
                return array;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return decimal(parser);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                // The parser only hands out value tokens here; anything else is a bug in this class.
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private static BigDecimal decimal(JsonParser parser) throws IOException {
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (NumberFormatException e) {
            // An exponent beyond an int (1e99999999999) cannot even be read as a BigDecimal.
            throw new JsonParseException(parser, "a number's exponent is beyond +/-" + MAX_EXPONENT);
        }
        if (Math.abs((long) value.scale()) > MAX_EXPONENT) {
            throw new JsonParseException(parser, "a number's exponent is beyond +/-" + MAX_EXPONENT);
        }
        return value;
    }
}
