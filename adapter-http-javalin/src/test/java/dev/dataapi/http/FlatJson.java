package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads a JSON object of scalar fields (a log line) into a map, keys in order, refusing anything else. */
final class FlatJson {

    private FlatJson() {
    }

    /** Strings, longs, booleans and nulls by field name. */
    static Map<String, Object> read(String json) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    fields.put(name, parser.getText());
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    fields.put(name, parser.getLongValue());
                } else if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
                    fields.put(name, parser.getBooleanValue());
                } else if (value == JsonToken.VALUE_NULL) {
                    fields.put(name, null);
                } else {
                    throw new AssertionError("field '" + name + "' is not a scalar: " + value);
                }
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).as("anything after the object").isNull();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fields;
    }
}
