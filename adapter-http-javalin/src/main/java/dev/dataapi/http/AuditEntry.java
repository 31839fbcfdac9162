package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the audit log: who asked for what, and what they got. It holds ids, names and a hash
 * of the effective parameters; never a token, a header or a parameter value.
 *
 * @param time             when handling started
 * @param requestId        the request's id, as sent in {@code X-Request-Id}
 * @param action           execute or job read
 * @param keyId            the authenticated key, when the request got that far
 * @param company          the key's company
 * @param namespace        the endpoint's namespace: the resolved one, else the path's when it is a valid name
 * @param slug             the endpoint's slug, likewise
 * @param jobId            for a job read, the path's job id when it is well formed; for an execute, the id of
 *                         the job it created (202), so that later reads of that job can be traced to it
 * @param parametersSha256 the use case's hash of the effective parameters, when it got that far
 * @param status           the HTTP status sent, or attempted when the response could not be written
 * @param rows             rows in the answer: a sync result's, a completed job's; 0 otherwise
 * @param durationMillis   from the start of handling to the end of writing the response
 * @param delivered        false when writing the response failed or was broken off
 */
record AuditEntry(Instant time, String requestId, AuditAction action, Optional<String> keyId, Optional<String> company,
                  Optional<String> namespace, Optional<String> slug, Optional<String> jobId,
                  Optional<String> parametersSha256, int status, int rows, long durationMillis, boolean delivered) {

    AuditEntry {
        Objects.requireNonNull(time, "'time' is required");
        Objects.requireNonNull(requestId, "'requestId' is required");
        Objects.requireNonNull(action, "'action' is required");
        keyId = Objects.requireNonNullElse(keyId, Optional.empty());
        company = Objects.requireNonNullElse(company, Optional.empty());
        namespace = Objects.requireNonNullElse(namespace, Optional.empty());
        slug = Objects.requireNonNullElse(slug, Optional.empty());
        jobId = Objects.requireNonNullElse(jobId, Optional.empty());
        parametersSha256 = Objects.requireNonNullElse(parametersSha256, Optional.empty());
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("'status' must be an HTTP status (100-599), got " + status);
        }
        if (rows < 0) {
            throw new IllegalArgumentException("'rows' must not be negative, got " + rows);
        }
        if (durationMillis < 0) {
            throw new IllegalArgumentException("'durationMillis' must not be negative, got " + durationMillis);
        }
    }

    /**
     * The line as one JSON object, written by Jackson so that nothing a caller sent (a request id, a
     * path segment) can break out of its string. Absent values are {@code null}; {@code job_id} appears
     * on job reads only.
     */
    String toJson() {
        StringWriter buffer = new StringWriter(320);
        try (JsonGenerator out = Json.FACTORY.createGenerator(buffer)) {
            out.writeStartObject();
            out.writeStringField("time", DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS)));
            out.writeStringField("request_id", requestId);
            out.writeStringField("action", action.wireName());
            writeNullable(out, "key_id", keyId);
            writeNullable(out, "company", company);
            writeNullable(out, "namespace", namespace);
            writeNullable(out, "slug", slug);
            writeNullable(out, "job_id", jobId);
            writeNullable(out, "parameters_sha256", parametersSha256);
            out.writeNumberField("status", status);
            out.writeNumberField("rows", rows);
            out.writeNumberField("duration_ms", durationMillis);
            out.writeBooleanField("delivered", delivered);
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toString();
    }

    private static void writeNullable(JsonGenerator out, String field, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            out.writeStringField(field, value.get());
        } else {
            out.writeNullField(field);
        }
    }
}
