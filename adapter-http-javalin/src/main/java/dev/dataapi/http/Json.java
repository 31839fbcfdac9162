package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.OutputStream;

/** The one JSON configuration of this adapter, shared so reading and writing cannot drift apart. */
final class Json {

    static final JsonFactory FACTORY = JsonFactory.builder()
            // A repeated key would silently drop one of the caller's values.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {
    }

    static JsonGenerator generator(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out);
    }
}
