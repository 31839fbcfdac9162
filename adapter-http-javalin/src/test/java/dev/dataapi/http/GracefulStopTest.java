package dev.dataapi.http;

import dev.dataapi.ports.in.ExecuteEndpoint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Closing the server lets requests in flight finish")
class GracefulStopTest {

    @Test
    void given_request_in_flight_when_server_closes_then_new_connections_are_refused_and_the_request_completes()
            throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecuteEndpoint slow = (command, sink) -> {
            entered.countDown();
            awaitQuietly(release);
            sink.columns(List.of());
            return RecordingExecute.EMPTY_RESULT;
        };
        TestServer server = TestServer.start(slow, () -> true,
                new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(20)));
        int port = server.port();
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> server.send(
                server.request("/api/v1/data-api/sales/by-region/execute").POST(HttpRequest.BodyPublishers.noBody()).build()));
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        awaitConnectionsRefused(port);
        release.countDown();

        HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"columns\":[],\"rows\":[]");
        closing.get(20, TimeUnit.SECONDS);
    }

    /** Polls until the listener is closed: the first observable step of a graceful stop. */
    private static void awaitConnectionsRefused(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (ConnectException refused) {
                return;
            }
        }
        throw new AssertionError("the server kept accepting connections while closing");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
