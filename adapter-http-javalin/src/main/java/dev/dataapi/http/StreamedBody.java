package dev.dataapi.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A response body written to the client while it is serialized. The response is opened (status and
 * headers set, its stream taken) only with the first byte, so until then it is untouched and a failure
 * can still be answered with a problem; after, the client may already have part of a 200.
 * Once {@link #abandon() abandoned} it drops everything, so whatever the writer still holds (its
 * buffer, the closing brackets) can never complete a body that was cut short.
 */
final class StreamedBody extends OutputStream {

    private final Supplier<OutputStream> open;
    private OutputStream response;
    private boolean abandoned;
    private boolean sendFailed;

    /** @param open sets the response's status and headers and gives its stream; called once, at the first byte */
    StreamedBody(Supplier<OutputStream> open) {
        this.open = Objects.requireNonNull(open, "'open' is required");
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (abandoned || len == 0) {
            return;
        }
        if (response == null) {
            response = Objects.requireNonNull(open.get(), "the opened response stream");
        }
        try {
            response.write(b, off, len);
        } catch (IOException e) {
            sendFailed = true;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        if (!abandoned && response != null) {
            response.flush();
        }
    }

    /** Leaves the response stream open: Javalin, which opened it, completes the response. */
    @Override
    public void close() {
        // Nothing to release here.
    }

    /** Drops every later write. */
    void abandon() {
        abandoned = true;
    }

    /** Whether the response was opened to take the first byte. */
    boolean started() {
        return response != null;
    }

    /** Whether handing bytes to the response failed, which means the client went away. */
    boolean sendFailed() {
        return sendFailed;
    }
}
