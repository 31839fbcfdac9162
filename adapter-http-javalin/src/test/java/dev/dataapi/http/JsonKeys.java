package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the keys of a JSON object body, in the order they were written. */
final class JsonKeys {

    private JsonKeys() {
    }

    /** The top-level keys of {@code json}, which must be exactly one object. */
    static List<String> topLevel(String json) throws IOException {
        List<String> keys = new ArrayList<>();
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                keys.add(parser.currentName());
                parser.nextToken();
                parser.skipChildren();
            }
            assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(parser.nextToken()).as("anything after the object").isNull();
        }
        return keys;
    }
}
