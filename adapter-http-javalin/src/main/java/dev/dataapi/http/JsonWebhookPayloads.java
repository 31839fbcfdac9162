package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.in.ResultSource;
import dev.dataapi.ports.out.WebhookPayloadEncoder;
import dev.dataapi.ports.out.WebhookPayloadTooLarge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The webhook body of a job: the job exactly as {@code GET …/jobs/{job_id}} shows it (written by the
 * same code, so the two never drift apart) except for the {@code callback} delivery state, then {@code "namespace"} and {@code "slug"} as the last two
 * keys, so a receiver serving several endpoints knows which one answered without parsing URLs.
 * A completed job's stored rows are streamed from its {@link ResultSource} into the body; they are read
 * only for a completed job. The whole body is held in memory because it is signed before it is sent,
 * so it is built up to a limit only: past it, {@link WebhookPayloadTooLarge} (the consumer reads such
 * a result with GET, which streams it). Stateless and thread-safe.
 */
public final class JsonWebhookPayloads implements WebhookPayloadEncoder {

    // Enough for any job without rows, so those bodies are built without growing the buffer.
    private static final int INITIAL_CAPACITY = 512;

    /** The default limit: 64 MiB, the default largest sync result too. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    private final long maxBytes;

    /** Bodies of at most {@link #DEFAULT_MAX_BYTES}. */
    public JsonWebhookPayloads() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * Bodies of at most {@code maxBytes}.
     *
     * @param maxBytes the largest body built, at least 1024
     */
    public JsonWebhookPayloads(long maxBytes) {
        if (maxBytes < 1024) {
            throw new IllegalArgumentException("'maxBytes' must be at least 1024, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public byte[] encode(Job job, ResultSource result) {
        Objects.requireNonNull(job, "'job' is required");
        Objects.requireNonNull(result, "'result' is required");
        ByteArrayOutputStream buffer = new CappedBuffer(maxBytes);
        try (JsonGenerator out = Json.generator(buffer)) {
            out.writeStartObject();
            // Without the callback's own delivery state: every attempt of one delivery must carry the
            // same body under the same webhook-id.
            JobJson.writeJobFields(out, job, result, false);
            out.writeStringField("namespace", job.endpoint().namespace());
            out.writeStringField("slug", job.endpoint().slug());
            out.writeEndObject();
        } catch (IOException e) {
            // Only the generator can fail here: the buffer is memory.
            throw new UncheckedIOException("could not write the webhook payload of job " + job.id(), e);
        }
        return buffer.toByteArray();
    }

    /** Refuses to grow past the limit, so a huge result never reaches memory whole. */
    private static final class CappedBuffer extends ByteArrayOutputStream {
        private final long maxBytes;

        CappedBuffer(long maxBytes) {
            super(INITIAL_CAPACITY);
            this.maxBytes = maxBytes;
        }

        @Override
        public synchronized void write(int b) {
            requireRoom(1);
            super.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            requireRoom(length);
            super.write(bytes, offset, length);
        }

        private void requireRoom(int more) {
            if (count + (long) more > maxBytes) {
                throw new WebhookPayloadTooLarge(maxBytes);
            }
        }
    }
}
