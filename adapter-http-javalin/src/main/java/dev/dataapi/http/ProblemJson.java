package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.dataapi.ports.in.ParameterProblem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The RFC 9457 body of a {@link Problem}, fields in a fixed order: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code code}, {@code request_id}, and {@code errors} for 422 only.
 */
final class ProblemJson {

    static final String CONTENT_TYPE = "application/problem+json";

    private ProblemJson() {
    }

    static byte[] write(Problem problem, String requestId) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator out = Json.generator(buffer)) {
            out.writeStartObject();
            out.writeStringField("type", problem.type());
            out.writeStringField("title", problem.title());
            out.writeNumberField("status", problem.status());
            out.writeStringField("detail", problem.detail());
            out.writeStringField("code", problem.code());
            out.writeStringField("request_id", requestId);
            if (problem.status() == Problem.UNPROCESSABLE) {
                out.writeArrayFieldStart("errors");
                for (ParameterProblem error : problem.errors()) {
                    out.writeStartObject();
                    out.writeStringField("parameter", error.parameter());
                    out.writeStringField("code", error.code());
                    out.writeStringField("message", error.message());
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }
}
