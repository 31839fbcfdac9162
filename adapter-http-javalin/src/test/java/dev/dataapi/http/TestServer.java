package dev.dataapi.http;

import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.GetJob;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A {@link DataApiHttpServer} on a free port plus an HTTP/1.1 client, for tests over real HTTP. */
final class TestServer implements AutoCloseable {

    private final DataApiHttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TestServer(DataApiHttpServer server) {
        this.server = server;
    }

    /** Jobs are unknown to this server: every job read answers {@code JOB_NOT_FOUND}. */
    static final GetJob NO_JOBS = command -> new GetJobOutcome.Rejected(
            Rejection.of(RejectionCode.JOB_NOT_FOUND, "There is no such job."));

    static TestServer start(ExecuteEndpoint execute) {
        return start(execute, NO_JOBS);
    }

    static TestServer start(ExecuteEndpoint execute, GetJob getJob) {
        return new TestServer(new DataApiHttpServer(execute, getJob, () -> true,
                new HttpSettings("127.0.0.1", 0, HttpSettings.DEFAULT_MAX_BODY_BYTES)).start());
    }

    static TestServer start(ExecuteEndpoint execute, CheckReadiness readiness, long maxBodyBytes) {
        return start(execute, readiness, new HttpSettings("127.0.0.1", 0, maxBodyBytes));
    }

    static TestServer start(ExecuteEndpoint execute, CheckReadiness readiness, HttpSettings settings) {
        return new TestServer(new DataApiHttpServer(execute, NO_JOBS, readiness, settings).start());
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    HttpResponse<String> postEmpty(String path, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> call(String method, String path, String... headers) {
        return send(request(path, headers).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
