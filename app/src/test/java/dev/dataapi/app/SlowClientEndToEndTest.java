package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A consumer that reads slowly must not hold a database connection while it reads. */
class SlowClientEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";

    @Test
    @DisplayName("with one query connection, a client that does not read its 25 MB answer does not block the next request")
    void connection_is_released_before_the_client_reads() throws Exception {
        // The company cap would otherwise be 1 too, and the requests below could take the slow one's slot.
        try (Application single = TestServer.get().startAnother(Map.of("DATA_API_QUERY_POOL_SIZE", "1",
                "DATA_API_QUERY_POOL_WAIT", "500ms", "DATA_API_COMPANY_MAX_CONCURRENCY", "10"));
             Socket slow = new Socket("127.0.0.1", single.port())) {
            ApiClient api = new ApiClient("http://127.0.0.1:" + single.port());
            slow.setReceiveBufferSize(16 * 1024);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/data-api/wide/sync/execute HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + FULL + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // The slow client reads nothing yet. The 25 MB answer cannot fit in the socket buffers, so the
            // server is still writing it; the only query connection must nevertheless be free again.
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int status;
            do {
                status = api.execute("numbers", "series", FULL, "{\"parameter_values\": {\"count\": 1}}").status();
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).isEqualTo(200);

            byte[] answer = readAll(slow.getInputStream());
            String head = new String(answer, 0, Math.min(200, answer.length), StandardCharsets.US_ASCII);
            assertThat(head).startsWith("HTTP/1.1 200");
            assertThat(answer.length).isGreaterThan(25_000_000);
        }
    }

    private static byte[] readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }
}
