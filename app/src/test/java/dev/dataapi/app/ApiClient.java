package dev.dataapi.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A consumer of the API over real HTTP, as a partner would call it. */
final class ApiClient {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiClient(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    /** POSTs {@code body} (null = no body) to {@code path} with the bearer token (null = no header). */
    Response post(String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90))
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** POSTs to {@code …/{namespace}/{slug}/execute}. */
    Response execute(String namespace, String slug, String token, String body) {
        return post("/api/v1/data-api/" + namespace + "/" + slug + "/execute", token, body);
    }

    /** GETs {@code path} with the bearer token (null = no header). */
    Response get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(90)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** GETs {@code …/{namespace}/{slug}/jobs/{jobId}}. */
    Response job(String namespace, String slug, String jobId, String token) {
        return get("/api/v1/data-api/" + namespace + "/" + slug + "/jobs/" + jobId, token);
    }

    /** Polls a job until it is no longer processing, or fails the test after {@code limit}. */
    JsonNode awaitJob(String namespace, String slug, String jobId, String token, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            JsonNode job = jobState(namespace, slug, jobId, token);
            if (!"processing".equals(job.get("status").asText())) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still processing after " + limit + ": " + job);
            }
            Polls.pause(50); // the poll interval of a consumer: the contract offers polling, not notification
        }
    }

    /**
     * Reads a job as a well-behaved consumer does: a {@code 429} is waited out for as long as its
     * {@code Retry-After} says, then asked again; any other answer but {@code 200} fails the test.
     */
    JsonNode jobState(String namespace, String slug, String jobId, String token) {
        while (true) {
            Response response = job(namespace, slug, jobId, token);
            if (response.status() == 200) {
                return response.json();
            }
            if (response.status() != 429) {
                throw new AssertionError("polling job " + jobId + " answered " + response.status() + ": " + response.body());
            }
            Polls.pause(1000L * Long.parseLong(response.header("Retry-After"))); // what a 429 asks for
        }
    }

    Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed on demand. */
    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + raw.body(), e);
            }
        }
    }
}
