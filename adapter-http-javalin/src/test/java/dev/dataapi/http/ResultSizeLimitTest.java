package dev.dataapi.http;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.RejectionCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A sync result past the configured size answers a problem instead of filling the memory")
class ResultSizeLimitTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/execute";
    private static final long MIB = 1024L * 1024L;

    @Test
    void given_result_exactly_at_the_limit_when_executing_then_200_with_the_whole_body() {
        Consumer<ResultSink> result = rows(100, 50);
        byte[] body = bodyWithoutTightLimit(result);

        try (TestServer server = startWithLimit(executing(result, 100, new AtomicInteger()), body.length)) {
            HttpResponse<byte[]> response = post(server);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void given_result_one_byte_over_the_limit_when_executing_then_500_result_too_large_naming_the_limit() {
        Consumer<ResultSink> result = rows(100, 50);
        int limit = bodyWithoutTightLimit(result).length - 1;

        try (TestServer server = startWithLimit(executing(result, 100, new AtomicInteger()), limit)) {
            HttpResponse<byte[]> response = post(server, "X-Request-Id", "rid-large");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"/problems/result-too-large\","
                    + "\"title\":\"Result too large\",\"status\":500,\"detail\":\"The result is larger than " + limit
                    + " bytes; ask for fewer rows or columns (or use an async endpoint).\",\"code\":\"RESULT_TOO_LARGE\","
                    + "\"request_id\":\"rid-large\"}");
        }
    }

    @Test
    void given_result_many_times_the_limit_when_executing_then_every_row_is_still_consumed_and_the_limit_is_in_mib() {
        AtomicInteger consumed = new AtomicInteger();
        // About 20 MiB of JSON against a 1 MiB limit.
        ExecuteEndpoint wide = executing(rows(10_000, 2_000), 10_000, consumed);

        try (TestServer server = startWithLimit(wide, MIB)) {
            HttpResponse<byte[]> response = post(server);

            assertThat(consumed).as("rows the sink took without failing").hasValue(10_000);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"detail\":\"The result is larger "
                    + "than 1 MiB; ask for fewer rows or columns (or use an async endpoint).\"");
        }
    }

    @Test
    void given_result_past_the_limit_then_a_timeout_when_executing_then_the_timeout_answers() {
        ExecuteEndpoint timingOut = (command, sink) -> {
            rows(1_000, 2_000).accept(sink);
            return RecordingExecute.rejected(RejectionCode.EXECUTION_TIMEOUT, "The query took too long.");
        };

        try (TestServer server = startWithLimit(timingOut, MIB)) {
            HttpResponse<byte[]> response = post(server);

            assertThat(response.statusCode()).isEqualTo(408);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"code\":\"EXECUTION_TIMEOUT\"");
        }
    }

    @Test
    void given_settings_without_a_result_limit_when_a_result_past_64_mib_is_executed_then_result_too_large() {
        // 10,000 rows of about 7 KiB: just past the default.
        ExecuteEndpoint wide = executing(rows(10_000, 7 * 1024), 10_000, new AtomicInteger());

        try (TestServer server = TestServer.start(wide)) {
            HttpResponse<byte[]> response = post(server);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"detail\":\"The result is larger "
                    + "than 64 MiB; ask for fewer rows or columns (or use an async endpoint).\"");
        }
    }

    /** {@code count} rows of an id and a text of {@code width} characters. */
    private static Consumer<ResultSink> rows(int count, int width) {
        return sink -> {
            sink.columns(List.of(new Column("id", "int4"), new Column("text", "text")));
            String text = "x".repeat(width);
            Object[] row = new Object[2];
            for (int i = 0; i < count; i++) {
                row[0] = i;
                row[1] = text;
                sink.row(row);
            }
        };
    }

    private static ExecuteEndpoint executing(Consumer<ResultSink> result, int rowCount, AtomicInteger consumed) {
        return (command, sink) -> {
            result.accept(new ResultSink() {
                @Override
                public void columns(List<Column> columns) {
                    sink.columns(columns);
                }

                @Override
                public void row(Object[] values) {
                    sink.row(values);
                    consumed.incrementAndGet();
                }
            });
            return new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), rowCount, false, 10_000);
        };
    }

    private static byte[] bodyWithoutTightLimit(Consumer<ResultSink> result) {
        try (TestServer server = TestServer.start(executing(result, 100, new AtomicInteger()))) {
            HttpResponse<byte[]> response = post(server);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
    }

    private static TestServer startWithLimit(ExecuteEndpoint execute, long maxResultBytes) {
        return TestServer.start(execute, () -> true, new HttpSettings("127.0.0.1", 0,
                HttpSettings.DEFAULT_MAX_BODY_BYTES, HttpSettings.DEFAULT_SHUTDOWN_GRACE, maxResultBytes));
    }

    private static HttpResponse<byte[]> post(TestServer server, String... headers) {
        return server.send(server.request(PATH, headers).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
