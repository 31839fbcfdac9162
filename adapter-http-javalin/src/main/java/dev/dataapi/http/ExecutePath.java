package dev.dataapi.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The namespace and slug of an execute request, decoded but not validated: the use case must answer
 * authentication before it says anything about the path, so an empty or malformed segment is passed
 * on as it came. Only a path that does not have the execute shape at all is not an execute request.
 *
 * @param namespace the decoded namespace segment, possibly empty or invalid
 * @param slug      the decoded slug segment, possibly empty or invalid
 */
record ExecutePath(String namespace, String slug) {

    static final String PREFIX = "/api/v1/data-api/";
    private static final String ACTION = "execute";

    ExecutePath {
        Objects.requireNonNull(namespace, "'namespace' is required");
        Objects.requireNonNull(slug, "'slug' is required");
    }

    /**
     * Splits the raw (still percent-encoded) request path. Splitting before decoding keeps an encoded
     * slash inside its segment, where the use case rejects it as an invalid name.
     *
     * @return empty when the path is not {@code PREFIX [namespace] / [slug] / execute}
     */
    static Optional<ExecutePath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(PREFIX.length()).split("/", -1);
        int last = segments.length - 1;
        if (last > 2 || !ACTION.equals(segments[last])) {
            return Optional.empty();
        }
        // "x/execute" has one segment before the action: it is the namespace, the slug is missing.
        String namespace = last >= 1 ? decode(segments[0]) : "";
        String slug = last == 2 ? decode(segments[1]) : "";
        return Optional.of(new ExecutePath(namespace, slug));
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
