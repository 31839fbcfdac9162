package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteInput;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Reads a request body without ever holding more than the limit (plus one byte, to tell "exactly the
 * limit" from "over it"). A declared Content-Length over the limit is refused before reading.
 */
final class BodyReader {

    private final long maxBodyBytes;

    BodyReader(long maxBodyBytes) {
        if (maxBodyBytes < 1 || maxBodyBytes >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("'maxBodyBytes' must be between 1 and " + (Integer.MAX_VALUE - 1)
                    + ", got " + maxBodyBytes);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The whole body, or empty when it is over the limit (see {@link #tooLarge()}). */
    Optional<byte[]> read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBodyBytes) {
            return Optional.empty();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) maxBodyBytes + 1);
            return body.length > maxBodyBytes ? Optional.empty() : Optional.of(body);
        }
    }

    ExecuteInput.TooLarge tooLarge() {
        return new ExecuteInput.TooLarge(maxBodyBytes);
    }
}
