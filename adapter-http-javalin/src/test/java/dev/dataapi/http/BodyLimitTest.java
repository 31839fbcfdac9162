package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A body over the limit is not read; one at the limit is")
class BodyLimitTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/execute";
    private static final int ONE_MIB = 1024 * 1024;
    private static final AtomicReference<ExecuteInput> RECEIVED = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        // Answers like the real use case would: 413 for a body over the limit, a result otherwise.
        ExecuteEndpoint execute = (command, sink) -> {
            RECEIVED.set(command.input());
            if (command.input() instanceof ExecuteInput.TooLarge) {
                return new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.PAYLOAD_TOO_LARGE,
                        "The body is larger than 1048576 bytes."));
            }
            sink.columns(List.of());
            return RecordingExecute.EMPTY_RESULT;
        };
        server = TestServer.start(execute);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_body_of_exactly_one_mib_when_executing_then_it_is_parsed() {
        String body = bodyOfLength(ONE_MIB);

        HttpResponse<String> response = server.post(PATH, body);

        assertThat(response.statusCode()).isEqualTo(200);
        ExecuteInput.Parsed parsed = (ExecuteInput.Parsed) RECEIVED.get();
        assertThat((String) parsed.parameterValues().get("pad")).hasSize(ONE_MIB - bodyOfLength(0).length());
    }

    @Test
    void given_declared_length_one_byte_over_when_executing_then_too_large_and_413() {
        HttpResponse<String> response = server.post(PATH, bodyOfLength(ONE_MIB + 1));

        assertThat(RECEIVED.get()).isEqualTo(new ExecuteInput.TooLarge(ONE_MIB));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void given_chunked_body_one_byte_over_when_executing_then_too_large_and_413() {
        byte[] body = bodyOfLength(ONE_MIB + 1).getBytes(StandardCharsets.UTF_8);
        // A stream publisher has no length: the request is chunked, so only counting can catch it.
        HttpRequest request = server.request(PATH)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = server.send(request);

        assertThat(RECEIVED.get()).isEqualTo(new ExecuteInput.TooLarge(ONE_MIB));
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void given_chunked_body_at_the_limit_when_executing_then_it_is_parsed() {
        byte[] body = bodyOfLength(ONE_MIB).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = server.request(PATH)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = server.send(request);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(RECEIVED.get()).isInstanceOf(ExecuteInput.Parsed.class);
    }

    @Test
    void given_smaller_configured_limit_when_body_exceeds_it_then_too_large_names_that_limit() {
        AtomicReference<ExecuteInput> received = new AtomicReference<>();
        ExecuteEndpoint execute = (command, sink) -> {
            received.set(command.input());
            return RecordingExecute.rejected(RejectionCode.PAYLOAD_TOO_LARGE, "too large");
        };
        try (TestServer small = TestServer.start(execute, () -> true, 16)) {
            small.post(PATH, "{\"parameter_values\":{}}");

            assertThat(received.get()).isEqualTo(new ExecuteInput.TooLarge(16));
        }
    }

    /** A valid execute body of exactly {@code length} bytes (ASCII), or the bare frame for 0. */
    private static String bodyOfLength(int length) {
        String frame = "{\"parameter_values\":{\"pad\":\"\"}}";
        if (length == 0) {
            return frame;
        }
        return "{\"parameter_values\":{\"pad\":\"" + "a".repeat(length - frame.length()) + "\"}}";
    }
}
