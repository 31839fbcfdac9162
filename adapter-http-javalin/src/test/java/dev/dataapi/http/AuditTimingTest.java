package dev.dataapi.http;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

@DisplayName("An audit line is written once the response is, and also when writing it fails")
class AuditTimingTest {

    private static final String EXECUTE = "/api/v1/data-api/sales/by-region/execute";
    private static final String JOB = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final AtomicReference<GetJobOutcome> NEXT_JOB = new AtomicReference<>();
    private static final AtomicReference<Integer> SYNC_ROWS = new AtomicReference<>(0);
    private static TestServer server;
    private CapturedLogs audit;

    @BeforeAll
    static void start() {
        server = TestServer.start((command, sink) -> {
            writeRows(sink, 0, SYNC_ROWS.get(), 1_000);
            return new ExecuteOutcome.Executed(Instant.now(), SYNC_ROWS.get(), false, 10_000,
                    Facts.complete(Optional.empty()));
        }, command -> NEXT_JOB.get());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void capture() {
        audit = CapturedLogs.audit();
    }

    @AfterEach
    void release() {
        audit.close();
    }

    @Test
    void given_streamed_job_result_when_read_then_the_line_is_written_only_after_the_last_row_was_sent()
            throws IOException {
        String id = AuditLogTest.requestId();
        CountDownLatch clientHasResponse = new CountDownLatch(1);
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(2_000, false), sink -> {
            writeRows(sink, 0, 1_000, 1_000);
            await(clientHasResponse);
            writeRows(sink, 1_000, 2_000, 1_000);
        }, Facts.complete(Optional.empty())));

        HttpResponse<InputStream> response = server.send(server.request(JOB, "X-Request-Id", id).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());

        assertThat(audit.auditEventsOf(id)).as("audit lines while the body is still being written").isEmpty();
        clientHasResponse.countDown();
        try (InputStream body = response.body()) {
            body.readAllBytes();
        }
        assertThat(audit.auditLineOf(id)).contains(entry("status", 200L), entry("rows", 2_000L),
                entry("delivered", true));
    }

    @Test
    void given_stored_result_failing_after_part_was_sent_when_read_then_the_line_says_200_undelivered() {
        String id = AuditLogTest.requestId();
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(2_000, false), sink -> {
            writeRows(sink, 0, 1_000, 1_000);
            throw new IllegalStateException("chunk 7 missing");
        }, Facts.complete(Optional.empty())));

        assertThatThrownBy(() -> server.get(JOB, "X-Request-Id", id)).isInstanceOf(UncheckedIOException.class);

        assertThat(audit.auditLineOf(id)).contains(entry("action", "get_job"), entry("status", 200L),
                entry("rows", 2_000L), entry("delivered", false));
        assertThat(audit.auditEventsOf(id)).hasSize(1);
    }

    @Test
    void given_client_gone_while_a_job_streams_when_read_then_the_line_says_200_undelivered() throws IOException {
        String id = AuditLogTest.requestId();
        // About 30 MB: far more than the socket buffers hold once the client has left.
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(10_000, false), sink -> writeRows(sink, 0, 10_000, 3_000),
                Facts.complete(Optional.empty())));

        leaveAfterTheStatusLine("GET " + JOB, id);

        assertThat(audit.auditLineOf(id)).contains(entry("action", "get_job"), entry("status", 200L),
                entry("delivered", false));
    }

    @Test
    void given_client_gone_while_a_sync_result_is_written_when_executed_then_the_line_says_200_undelivered()
            throws IOException {
        String id = AuditLogTest.requestId();
        // About 10 MB of result, written by Javalin after the handler returned.
        SYNC_ROWS.set(10_000);
        try {
            leaveAfterTheStatusLine("POST " + EXECUTE, id);
        } finally {
            SYNC_ROWS.set(0);
        }

        assertThat(audit.auditLineOf(id)).contains(entry("action", "execute"), entry("status", 200L),
                entry("rows", 10_000L), entry("delivered", false));
    }

    /** Sends the request, reads the status line, then closes the connection while the body is still coming. */
    private static void leaveAfterTheStatusLine(String requestLine, String requestId) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setReceiveBufferSize(4 * 1024);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: " + requestId
                    + "\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            byte[] start = socket.getInputStream().readNBytes("HTTP/1.1 200".length());
            assertThat(new String(start, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
            // An abortive close: the server's next writes fail at once instead of filling buffers.
            socket.setSoLinger(true, 0);
        }
    }

    private static void writeRows(ResultSink sink, int from, int to, int width) {
        if (from == 0) {
            sink.columns(List.of(new Column("id", "int4"), new Column("text", "text")));
        }
        String text = "y".repeat(width);
        for (int row = from; row < to; row++) {
            sink.row(new Object[] {row, text});
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            // Bounded only so a server that buffers fails the test instead of hanging it.
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
