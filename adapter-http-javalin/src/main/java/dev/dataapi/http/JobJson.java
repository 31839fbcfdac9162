package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ResultSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The bodies that speak of a job, keys in the contract's order: the answer to an accepted async
 * execution, and the job as {@code GET …/jobs/{job_id}} shows it (which the webhook payload of
 * {@link JsonWebhookPayloads} repeats). A completed job's rows are written
 * by {@link ResultJsonWriter}, so they read exactly like a sync result.
 */
final class JobJson {

    private static final Logger LOG = LoggerFactory.getLogger(JobJson.class);

    private JobJson() {
    }

    /** {@code {"job_id","status":"processing","polling_url"}}. */
    static byte[] accepted(ExecuteOutcome.Accepted accepted, String pollingUrl) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(160);
        try (JsonGenerator out = Json.generator(buffer)) {
            out.writeStartObject();
            out.writeStringField("job_id", accepted.jobId().value());
            // A new job is queued, which the contract shows as processing.
            out.writeStringField("status", JobState.QUEUED.publicStatus());
            out.writeStringField("polling_url", pollingUrl);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * {@code {"job_id","status","result","error","created_at","completed_at"}}, plus {@code "callback"}
     * when the job has one, written into {@code body} as it is serialized: a completed job's stored rows
     * go to the client while they are read, so a result of any size costs no more memory than the rows
     * in flight. The stored rows are read only for a completed job. If writing fails, {@code body} is
     * abandoned before the exception propagates: whatever the generator still holds never reaches the
     * client, so a body cut short is never closed into valid JSON.
     */
    static void job(StreamedBody body, Job job, ResultSource result) throws IOException {
        JsonGenerator out = Json.generator(body);
        try {
            out.writeStartObject();
            writeJobFields(out, job, result, true);
            out.writeEndObject();
        } catch (RuntimeException | IOException | Error e) {
            // The generator is dropped unclosed: closing it would flush its buffer and end the JSON.
            body.abandon();
            throw e;
        }
        out.close();
    }

    /**
     * The job's fields in the contract's order, then its {@code callback} object when it has one, into
     * an object the caller has opened and will close. Every body that shows a job (the job read, the
     * webhook payload) writes it here, so they cannot drift apart.
     */
    static void writeJobFields(JsonGenerator out, Job job, ResultSource result, boolean withCallback) throws IOException {
        out.writeStringField("job_id", job.id().value());
        out.writeStringField("status", job.state().publicStatus());
        out.writeFieldName("result");
        if (job.state() == JobState.COMPLETED) {
            writeResult(out, job, result);
        } else {
            out.writeNull();
        }
        writeNullableString(out, "error", job.error());
        out.writeStringField("created_at", ResultJsonWriter.utcSeconds(job.createdAt()));
        writeNullableString(out, "completed_at", job.completedAt().map(ResultJsonWriter::utcSeconds));
        // Beyond the contract's six keys, and only for a job given a callback_url, so a consumer that
        // never asked for a webhook reads exactly the contract's body.
        if (withCallback && job.callback().isPresent()) {
            writeCallback(out, job.callback().get());
        }
    }

    /** {@code {"status","attempts","last_status_code","next_attempt_at"}}, always all four keys. */
    private static void writeCallback(JsonGenerator out, CallbackState callback) throws IOException {
        out.writeObjectFieldStart("callback");
        out.writeStringField("status", callback.status().wireName());
        out.writeNumberField("attempts", callback.attempts());
        out.writeFieldName("last_status_code");
        if (callback.lastStatusCode().isPresent()) {
            out.writeNumber(callback.lastStatusCode().get());
        } else {
            out.writeNull();
        }
        writeNullableString(out, "next_attempt_at", callback.nextAttemptAt().map(ResultJsonWriter::utcSeconds));
        out.writeEndObject();
    }

    private static void writeResult(JsonGenerator out, Job job, ResultSource result) {
        // Job's constructor guarantees a summary for every completed job.
        ResultSummary summary = job.result().orElseThrow();
        ResultJsonWriter rows = ResultJsonWriter.nested(out);
        result.writeTo(rows);
        rows.finishNested(summary.truncated());
        if (rows.rowsWritten() != summary.rowCount()) {
            LOG.warn("job {}: the stored result has {} rows but its summary says {}", job.id(), rows.rowsWritten(),
                    summary.rowCount());
        }
    }

    private static void writeNullableString(JsonGenerator out, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            out.writeStringField(field, value.get());
        } else {
            out.writeNullField(field);
        }
    }
}
