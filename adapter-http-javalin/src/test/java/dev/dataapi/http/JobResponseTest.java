package dev.dataapi.http;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JsonText;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.ResultSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A job reads exactly as the contract shows it, in every state")
class JobResponseTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final AtomicReference<GetJobOutcome> NEXT = new AtomicReference<>();
    private static final AtomicBoolean RESULT_READ = new AtomicBoolean();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new RecordingExecute().answeringEmptyResult(), command -> NEXT.get());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_queued_job_when_read_then_processing_with_null_result_error_and_completion() {
        HttpResponse<String> response = read(Jobs.queued(), recordingRead(sink -> sink.columns(List.of())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"processing\","
                + "\"result\":null,\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":null}");
        assertThat(RESULT_READ).as("stored rows read for an unfinished job").isFalse();
    }

    @Test
    void given_running_job_when_read_then_processing_like_a_queued_one() {
        HttpResponse<String> response = read(Jobs.running(), recordingRead(sink -> sink.columns(List.of())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"processing\","
                + "\"result\":null,\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":null}");
        assertThat(RESULT_READ).isFalse();
    }

    @Test
    void given_completed_job_when_read_then_result_holds_its_rows_written_like_a_sync_result() {
        ResultSource stored = sink -> {
            sink.columns(List.of(new Column("regiao", "varchar"), new Column("total", "numeric"),
                    new Column("since", "date"), new Column("at", "timestamptz"), new Column("ok", "bool"),
                    new Column("tags", "_text"), new Column("meta", "jsonb"), new Column("n", "int8"),
                    new Column("ratio", "float8"), new Column("raw", "bytea")));
            sink.row(new Object[] {"Sul", new BigDecimal("12345678901234567890.50"), LocalDate.of(2026, 4, 1),
                    OffsetDateTime.of(2026, 4, 11, 7, 30, 0, 0, ZoneOffset.ofHours(-3)), true,
                    List.of("a", "b"), new JsonText("{\"k\": [1, 2.50]}"), 9_007_199_254_740_993L, Double.NaN,
                    new byte[] {0, 1, (byte) 0xff}});
            sink.row(new Object[] {"Norte", null, null, null, false, Arrays.asList("x", null), null, -1L, 0.1d,
                    new byte[0]});
        };

        HttpResponse<byte[]> response = readBytes(Jobs.completed(2, true), stored);

        String expected = "{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"completed\",\"result\":{"
                + "\"columns\":[{\"name\":\"regiao\",\"type\":\"varchar\"},{\"name\":\"total\",\"type\":\"numeric\"},"
                + "{\"name\":\"since\",\"type\":\"date\"},{\"name\":\"at\",\"type\":\"timestamptz\"},"
                + "{\"name\":\"ok\",\"type\":\"bool\"},{\"name\":\"tags\",\"type\":\"_text\"},"
                + "{\"name\":\"meta\",\"type\":\"jsonb\"},{\"name\":\"n\",\"type\":\"int8\"},"
                + "{\"name\":\"ratio\",\"type\":\"float8\"},{\"name\":\"raw\",\"type\":\"bytea\"}],"
                + "\"rows\":[{\"regiao\":\"Sul\",\"total\":12345678901234567890.50,\"since\":\"2026-04-01\","
                + "\"at\":\"2026-04-11T07:30:00-03:00\",\"ok\":true,\"tags\":[\"a\",\"b\"],\"meta\":{\"k\": [1, 2.50]},"
                + "\"n\":9007199254740993,\"ratio\":\"NaN\",\"raw\":\"AAH/\"},"
                + "{\"regiao\":\"Norte\",\"total\":null,\"since\":null,\"at\":null,\"ok\":false,\"tags\":[\"x\",null],"
                + "\"meta\":null,\"n\":-1,\"ratio\":0.1,\"raw\":\"\"}],"
                + "\"row_count\":2,\"truncated\":true},"
                + "\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":\"2026-04-11T10:31:05Z\"}";
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void given_completed_job_with_numerics_of_scale_beyond_ten_thousand_when_read_then_200_with_their_plain_digits() {
        BigDecimal third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), 10_000, RoundingMode.HALF_UP);
        BigDecimal tiny = new BigDecimal(BigInteger.ONE, 16_383);

        HttpResponse<String> response = read(Jobs.completed(1, false), sink -> {
            sink.columns(List.of(new Column("third", "numeric"), new Column("tiny", "numeric")));
            sink.row(new Object[] {third, tiny});
        });

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"rows\":[{\"third\":0." + "3".repeat(10_000)
                + ",\"tiny\":0." + "0".repeat(16_382) + "1}],\"row_count\":1,");
    }

    @Test
    void given_completed_job_without_rows_when_read_then_result_has_its_columns_and_no_rows() {
        HttpResponse<String> response = read(Jobs.completed(0, false),
                sink -> sink.columns(List.of(new Column("regiao", "varchar"))));

        assertThat(response.body()).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"completed\","
                + "\"result\":{\"columns\":[{\"name\":\"regiao\",\"type\":\"varchar\"}],\"rows\":[],\"row_count\":0,"
                + "\"truncated\":false},\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\","
                + "\"completed_at\":\"2026-04-11T10:31:05Z\"}");
    }

    @Test
    void given_stored_rows_disagreeing_with_the_summary_when_read_then_row_count_counts_the_rows_sent() {
        HttpResponse<String> response = read(Jobs.completed(5, false), sink -> {
            sink.columns(List.of(new Column("n", "int4")));
            sink.row(new Object[] {1});
        });

        assertThat(response.body()).contains("\"rows\":[{\"n\":1}],\"row_count\":1,\"truncated\":false}");
    }

    @Test
    void given_failed_job_when_read_then_error_holds_its_message_and_result_is_null() {
        HttpResponse<String> response = read(Jobs.failed("The query ran past its \"15 minute\" timeout."),
                recordingRead(sink -> sink.columns(List.of())));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"failed\","
                + "\"result\":null,\"error\":\"The query ran past its \\\"15 minute\\\" timeout.\","
                + "\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":\"2026-04-11T10:31:05Z\"}");
        assertThat(RESULT_READ).isFalse();
    }

    @Test
    void given_stored_result_that_fails_midway_when_read_then_500_problem_and_no_partial_rows() {
        HttpResponse<String> response = read(Jobs.completed(2, false), sink -> {
            sink.columns(List.of(new Column("secret", "text")));
            sink.row(new Object[] {"partial row"});
            throw new IllegalStateException("chunk 2 of job 507f missing on mongo-internal-3");
        }, "X-Request-Id", "rid-broken");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.body()).isEqualTo("{\"type\":\"/problems/internal-error\",\"title\":\"Internal error\","
                + "\"status\":500,\"detail\":\"Something went wrong on our side. Quote the request id when reporting it.\","
                + "\"code\":\"INTERNAL_ERROR\",\"request_id\":\"rid-broken\"}");
    }

    @Test
    void given_head_request_when_reading_a_job_then_200_with_headers_and_no_body() {
        NEXT.set(new GetJobOutcome.Found(Jobs.queued(), sink -> sink.columns(List.of())));

        HttpResponse<String> response = server.call("HEAD", PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.body()).isEmpty();
    }

    private static ResultSource recordingRead(ResultSource source) {
        RESULT_READ.set(false);
        return sink -> {
            RESULT_READ.set(true);
            source.writeTo(sink);
        };
    }

    private static HttpResponse<String> read(Job job, ResultSource result, String... headers) {
        NEXT.set(new GetJobOutcome.Found(job, result));
        return server.get(PATH, headers);
    }

    private static HttpResponse<byte[]> readBytes(Job job, ResultSource result) {
        NEXT.set(new GetJobOutcome.Found(job, result));
        return server.send(server.request(PATH).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
