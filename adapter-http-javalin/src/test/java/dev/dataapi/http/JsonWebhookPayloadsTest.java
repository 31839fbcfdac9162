package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.ResultSource;
import dev.dataapi.ports.out.WebhookPayloadEncoder;
import dev.dataapi.ports.out.WebhookPayloadTooLarge;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A webhook payload is the job as GET shows it, then the endpoint's namespace and slug")
class JsonWebhookPayloadsTest {

    private static final String NAMESPACE_AND_SLUG = "\"namespace\":\"sales\",\"slug\":\"by-region\"}";
    private final WebhookPayloadEncoder payloads = new JsonWebhookPayloads();

    @Test
    void given_completed_job_with_rows_when_encoded_then_utf8_json_with_result_namespace_and_slug() {
        ResultSource stored = sink -> {
            sink.columns(List.of(new Column("regiao", "varchar"), new Column("total", "numeric"),
                    new Column("since", "date")));
            sink.row(new Object[] {"São Paulo", new BigDecimal("1234567890123456789.10"), LocalDate.of(2026, 4, 1)});
            sink.row(new Object[] {"Sul", null, null});
        };

        byte[] payload = payloads.encode(Jobs.completedWithCallback(2, false), stored);

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(
                "{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"completed\",\"result\":{"
                + "\"columns\":[{\"name\":\"regiao\",\"type\":\"varchar\"},{\"name\":\"total\",\"type\":\"numeric\"},"
                + "{\"name\":\"since\",\"type\":\"date\"}],"
                + "\"rows\":[{\"regiao\":\"São Paulo\",\"total\":1234567890123456789.10,\"since\":\"2026-04-01\"},"
                + "{\"regiao\":\"Sul\",\"total\":null,\"since\":null}],\"row_count\":2,\"truncated\":false},"
                + "\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":\"2026-04-11T10:31:05Z\","
                + NAMESPACE_AND_SLUG);
        // "ã" as its two UTF-8 bytes, not a \\u escape nor a Latin-1 byte.
        assertThat(indexOf(payload, new byte[] {'S', (byte) 0xC3, (byte) 0xA3, 'o'})).isPositive();
    }

    @Test
    void given_rows_beyond_the_limit_when_encoded_then_it_is_refused_as_too_large_without_reading_them_all() {
        AtomicInteger rowsRead = new AtomicInteger();
        ResultSource huge = sink -> {
            sink.columns(List.of(new Column("pad", "text")));
            for (int n = 0; n < 10_000; n++) {
                rowsRead.incrementAndGet();
                sink.row(new Object[] {"x".repeat(100)});
            }
        };

        assertThatThrownBy(() -> new JsonWebhookPayloads(4096).encode(Jobs.completedWithCallback(10_000, false), huge))
                .isInstanceOf(WebhookPayloadTooLarge.class)
                .satisfies(e -> assertThat(((WebhookPayloadTooLarge) e).limitBytes()).isEqualTo(4096));
        assertThat(rowsRead.get()).as("reading stops near the limit").isLessThan(200);
        assertThat(new JsonWebhookPayloads(64 * 1024).encode(Jobs.completedWithCallback(100, false), sink -> {
            sink.columns(List.of(new Column("pad", "text")));
            for (int n = 0; n < 100; n++) {
                sink.row(new Object[] {"x".repeat(100)});
            }
        })).hasSizeGreaterThan(10_000).hasSizeLessThan(64 * 1024);
    }

    @Test
    void given_failed_job_when_encoded_then_error_holds_its_message_and_stored_rows_are_not_read() {
        AtomicBoolean rowsRead = new AtomicBoolean();
        Job job = Jobs.failedWithCallback("The query ran past its \"15 minute\" timeout.")
                .withCallback(CallbackState.pending().retryAt(Optional.of(502), Instant.parse("2026-04-11T10:32:10.400Z")));

        byte[] payload = payloads.encode(job, sink -> rowsRead.set(true));

        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo(
                "{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"failed\",\"result\":null,"
                + "\"error\":\"The query ran past its \\\"15 minute\\\" timeout.\","
                + "\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":\"2026-04-11T10:31:05Z\","
                + NAMESPACE_AND_SLUG);
        assertThat(rowsRead).as("stored rows read for a failed job").isFalse();
    }

    @Test
    void given_any_job_when_encoded_then_the_job_keys_come_in_the_contracts_order_and_namespace_and_slug_last()
            throws IOException {
        byte[] completed = payloads.encode(Jobs.completedWithCallback(0, false), sink -> sink.columns(List.of()));
        byte[] withoutCallback = payloads.encode(Jobs.failed("The query failed."), sink -> { });

        assertThat(JsonKeys.topLevel(new String(completed, StandardCharsets.UTF_8))).containsExactly(
                "job_id", "status", "result", "error", "created_at", "completed_at", "namespace", "slug");
        assertThat(JsonKeys.topLevel(new String(withoutCallback, StandardCharsets.UTF_8)))
                .containsExactly("job_id", "status", "result", "error", "created_at", "completed_at", "namespace", "slug");
    }

    @Test
    void given_the_same_job_when_encoded_and_read_over_http_then_the_payload_is_the_get_body_without_callback_plus_namespace_and_slug() {
        Job job = Jobs.completedWithCallback(2, true).withCallback(CallbackState.pending().delivered(200));
        ResultSource stored = sink -> {
            sink.columns(List.of(new Column("tags", "_text"), new Column("ratio", "float8")));
            sink.row(new Object[] {Arrays.asList("a", null), Double.NaN});
            sink.row(new Object[] {List.of(), 0.1d});
        };
        HttpResponse<byte[]> response;
        try (TestServer server = TestServer.start(new RecordingExecute().answeringEmptyResult(),
                command -> new GetJobOutcome.Found(job, stored))) {
            response = server.send(server.request("/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        String getBody = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(getBody).endsWith("}");
        String withoutCallback = getBody.replaceFirst(",\"callback\":\\{[^}]*}", "");
        assertThat(withoutCallback).isNotEqualTo(getBody);
        assertThat(new String(payloads.encode(job, stored), StandardCharsets.UTF_8))
                .isEqualTo(withoutCallback.substring(0, withoutCallback.length() - 1) + "," + NAMESPACE_AND_SLUG);
    }

    @Test
    void given_completed_job_of_ten_thousand_rows_when_encoded_then_every_row_in_order_and_a_complete_document()
            throws IOException {
        byte[] payload = payloads.encode(Jobs.completedWithCallback(10_000, true), sink -> writeRows(sink, 10_000));

        int rows = 0;
        int rowCount = -1;
        try (JsonParser parser = Json.FACTORY.createParser(payload)) {
            // Reading to the end proves the document is well formed and complete.
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    continue;
                }
                String name = parser.currentName();
                parser.nextToken();
                if ("id".equals(name)) {
                    assertThat(parser.getIntValue()).isEqualTo(rows);
                    rows++;
                } else if ("row_count".equals(name)) {
                    rowCount = parser.getIntValue();
                }
            }
        }
        assertThat(rows).isEqualTo(10_000);
        assertThat(rowCount).isEqualTo(10_000);
        assertThat(new String(payload, StandardCharsets.UTF_8)).endsWith("\"row_count\":10000,\"truncated\":true},"
                + "\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":\"2026-04-11T10:31:05Z\","
                + NAMESPACE_AND_SLUG);
    }

    @Test
    void given_one_delivery_tried_twice_when_encoded_then_both_bodies_are_identical() {
        Job first = Jobs.failedWithCallback("The query failed.");
        Job retried = first.withCallback(CallbackState.pending().retryAt(Optional.of(503), Instant.parse("2026-04-11T10:40:00Z")));

        assertThat(payloads.encode(retried, sink -> { })).isEqualTo(payloads.encode(first, sink -> { }));
    }

    @Test
    void given_stored_result_failing_midway_when_encoded_then_the_failure_propagates_instead_of_a_partial_payload() {
        IllegalStateException missing = new IllegalStateException("chunk 2 of job 507f missing");

        assertThatThrownBy(() -> payloads.encode(Jobs.completedWithCallback(2, false), sink -> {
            writeRows(sink, 1);
            throw missing;
        })).isSameAs(missing);
    }

    private static void writeRows(ResultSink sink, int count) {
        sink.columns(List.of(new Column("id", "int4"), new Column("text", "text")));
        String text = "y".repeat(100);
        for (int id = 0; id < count; id++) {
            sink.row(new Object[] {id, text});
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
