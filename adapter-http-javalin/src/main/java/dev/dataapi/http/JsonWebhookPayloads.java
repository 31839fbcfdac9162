package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.in.ResultSource;
import dev.dataapi.ports.out.WebhookPayloadEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The webhook body of a job: the job exactly as {@code GET …/jobs/{job_id}} shows it (written by the
 * same code, so the two never drift apart) except for the {@code callback} delivery state, then {@code "namespace"} and {@code "slug"} as the last two
 * keys, so a receiver serving several endpoints knows which one answered without parsing URLs.
 * A completed job's stored rows are streamed from its {@link ResultSource} into the body; they are read
 * only for a completed job. The whole body is held in memory because it is signed before it is sent.
 * Stateless and thread-safe.
 */
public final class JsonWebhookPayloads implements WebhookPayloadEncoder {

    // Enough for any job without rows, so those bodies are built without growing the buffer.
    private static final int INITIAL_CAPACITY = 512;

    public JsonWebhookPayloads() {
        // Nothing to configure: the body's form is the contract's.
    }

    @Override
    public byte[] encode(Job job, ResultSource result) {
        Objects.requireNonNull(job, "'job' is required");
        Objects.requireNonNull(result, "'result' is required");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(INITIAL_CAPACITY);
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
}
