package dev.dataapi.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Decodes the raw segments of an {@link ApiPath}. */
final class PathSegments {

    private PathSegments() {
    }

    /**
     * Percent-decodes one path segment as UTF-8. Unlike form decoding, {@code +} stays a plus. A
     * segment that does not decode is kept raw: it cannot be a valid name either way.
     */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        int plainFrom = 0;
        for (int i = segment.indexOf('%'); i >= 0; i = segment.indexOf('%', plainFrom)) {
            bytes.writeBytes(segment.substring(plainFrom, i).getBytes(StandardCharsets.UTF_8));
            if (i + 2 >= segment.length()) {
                return segment;
            }
            int high = hex(segment.charAt(i + 1));
            int low = hex(segment.charAt(i + 2));
            if (high < 0 || low < 0) {
                return segment;
            }
            bytes.write(high * 16 + low);
            plainFrom = i + 3;
        }
        bytes.writeBytes(segment.substring(plainFrom).getBytes(StandardCharsets.UTF_8));
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return segment;
        }
    }

    // Character.digit would also accept non-ASCII digits, which are not percent-encoding.
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
