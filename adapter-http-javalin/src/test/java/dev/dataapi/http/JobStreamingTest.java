package dev.dataapi.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.ResultSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A completed job's result of any size is streamed to the client, and a cut one never looks complete")
class JobStreamingTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final AtomicReference<GetJobOutcome> NEXT = new AtomicReference<>();
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
    void given_completed_job_of_ten_thousand_wide_rows_when_read_then_200_with_every_row_in_order() throws IOException {
        // About 30 MB of JSON, past any buffer of the server.
        NEXT.set(new GetJobOutcome.Found(Jobs.completed(10_000, false), sink -> writeRows(sink, 0, 10_000, 3_000)));

        HttpResponse<InputStream> response = server.send(server.request(PATH).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        try (InputStream body = response.body()) {
            assertThat(idsInOrder(body)).isEqualTo(10_000);
        }
    }

    @Test
    void given_large_completed_job_when_read_then_the_client_gets_the_response_before_the_rows_are_all_read()
            throws IOException, InterruptedException {
        CountDownLatch clientHasResponse = new CountDownLatch(1);
        AtomicBoolean allRowsRead = new AtomicBoolean();
        NEXT.set(new GetJobOutcome.Found(Jobs.completed(2_000, false), sink -> {
            writeRows(sink, 0, 1_000, 1_000);
            // Bounded only so a server that buffers fails this test instead of hanging it.
            awaitQuietly(clientHasResponse);
            writeRows(sink, 1_000, 2_000, 1_000);
            allRowsRead.set(true);
        }));

        HttpResponse<InputStream> response = server.send(server.request(PATH).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(allRowsRead).as("the stored rows were all read before the response started").isFalse();
        clientHasResponse.countDown();
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            assertThat(idsInOrder(body)).isEqualTo(2_000);
        }
    }

    @ParameterizedTest(name = "Accept-Encoding: {0}")
    @ValueSource(strings = {"identity", "gzip"})
    void given_stored_result_failing_after_part_was_sent_when_read_then_the_response_breaks_off(String encoding) {
        NEXT.set(new GetJobOutcome.Found(Jobs.completed(2_000, false), sink -> {
            writeRows(sink, 0, 1_000, 1_000);
            throw new IllegalStateException("chunk 7 of job 507f missing on mongo-internal-3");
        }));

        assertThatThrownBy(() -> server.send(server.request(PATH, "Accept-Encoding", encoding).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()))
                .as("a body cut short must fail to read, not look complete")
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void given_stored_result_failing_after_part_was_sent_when_read_again_then_the_server_still_answers() {
        NEXT.set(new GetJobOutcome.Found(Jobs.completed(2_000, false), sink -> {
            writeRows(sink, 0, 1_000, 1_000);
            throw new IllegalStateException("chunk 7 of job 507f missing");
        }));
        assertThatThrownBy(() -> server.get(PATH)).isInstanceOf(UncheckedIOException.class);

        NEXT.set(new GetJobOutcome.Found(Jobs.queued(), sink -> sink.columns(List.of())));
        HttpResponse<String> response = server.get(PATH);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"processing\"");
    }

    private static void writeRows(ResultSink sink, int from, int to, int width) {
        if (from == 0) {
            sink.columns(List.of(new Column("id", "int4"), new Column("text", "text")));
        }
        String text = "y".repeat(width);
        for (int id = from; id < to; id++) {
            sink.row(new Object[] {id, text});
        }
    }

    /** Reads a job body and checks its rows carry ids 0, 1, 2, ... in order; returns how many it had. */
    private static int idsInOrder(InputStream body) throws IOException {
        int rows = 0;
        int rowCount = -1;
        try (JsonParser parser = Json.FACTORY.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && "id".equals(parser.currentName())) {
                    parser.nextToken();
                    assertThat(parser.getIntValue()).isEqualTo(rows);
                    rows++;
                } else if (token == JsonToken.FIELD_NAME && "row_count".equals(parser.currentName())) {
                    parser.nextToken();
                    rowCount = parser.getIntValue();
                }
            }
        }
        assertThat(rowCount).isEqualTo(rows);
        return rows;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
