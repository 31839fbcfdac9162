package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The audit log over a real server: one JSON line per execute and job read, and no token anywhere in the logs. */
class AuditLogEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";
    private static final String WRONG = "e2e-token-nobody-has-7f3a9c";

    private final ListAppender<ILoggingEvent> everything = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger audit = (Logger) LoggerFactory.getLogger("dev.dataapi.audit");
    private TestServer server;

    @BeforeEach
    void capture() {
        server = TestServer.get();
        everything.start();
        root.addAppender(everything);
        audit.addAppender(everything);
    }

    @AfterEach
    void release() {
        root.detachAppender(everything);
        audit.detachAppender(everything);
    }

    @Test
    @DisplayName("each execute and job read writes one audit line naming the key, never the token")
    void audit_lines() {
        ApiClient.Response executed = server.client.execute("shared", "by-region", FULL, "{\"parameter_values\": {}}");
        ApiClient.Response refused = server.client.execute("shared", "by-region", WRONG, "{\"parameter_values\": {}}");
        ApiClient.Response accepted = server.client.execute("jobs", "numbers", FULL, "{\"parameter_values\": {\"count\": 3}}");
        String jobId = accepted.json().get("job_id").asText();
        server.client.awaitJob("jobs", "numbers", jobId, FULL, Duration.ofSeconds(30));
        ApiClient.Response read = server.client.job("jobs", "numbers", jobId, FULL);

        JsonNode ok = line(executed.header("X-Request-Id"));
        assertThat(ok.get("action").asText()).isEqualTo("execute");
        assertThat(ok.get("key_id").asText()).isEqualTo("acme-full");
        assertThat(ok.get("company").asText()).isEqualTo("acme");
        assertThat(ok.get("namespace").asText()).isEqualTo("shared");
        assertThat(ok.get("slug").asText()).isEqualTo("by-region");
        assertThat(ok.get("status").asInt()).isEqualTo(200);
        assertThat(ok.get("rows").asInt()).isEqualTo(executed.json().get("row_count").asInt());
        assertThat(ok.get("parameters_sha256").asText()).matches("^[0-9a-f]{64}$");
        assertThat(ok.get("duration_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(Instant.parse(ok.get("time").asText())).isBefore(Instant.now().plusSeconds(1));

        JsonNode unauthorized = line(refused.header("X-Request-Id"));
        assertThat(unauthorized.get("status").asInt()).isEqualTo(401);
        assertThat(unauthorized.get("key_id").isNull()).isTrue();

        assertThat(line(accepted.header("X-Request-Id")).get("status").asInt()).isEqualTo(202);
        JsonNode jobRead = line(read.header("X-Request-Id"));
        assertThat(jobRead.get("action").asText()).isEqualTo("get_job");
        assertThat(jobRead.get("job_id").asText()).isEqualTo(jobId);
        assertThat(jobRead.get("status").asInt()).isEqualTo(200);
        assertThat(jobRead.get("rows").asInt()).isEqualTo(3);

        assertThat(logText()).doesNotContain(FULL).doesNotContain(WRONG);
    }

    private List<String> auditLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(everything.list)) {
            if (event.getLoggerName().equals("dev.dataapi.audit")) {
                lines.add(event.getFormattedMessage());
            }
        }
        return lines;
    }

    /**
     * The one audit line of {@code requestId} (more than one fails); waits briefly, as the line is
     * written once the response is complete, just after the client has it.
     */
    private JsonNode line(String requestId) {
        Instant deadline = Instant.now().plusSeconds(5);
        while (true) {
            List<JsonNode> found = new ArrayList<>();
            for (String text : auditLines()) {
                JsonNode node = parse(text);
                if (requestId.equals(node.path("request_id").asText())) {
                    found.add(node);
                }
            }
            if (found.size() == 1) {
                return found.get(0);
            }
            assertThat(found).as("audit lines of request %s", requestId).hasSizeLessThan(2);
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no audit line for request " + requestId + " in " + auditLines());
            }
            try {
                Thread.sleep(20); // Jetty writes the line after the client has the response: nothing to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String logText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(everything.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                text.append(cause.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    private static JsonNode parse(String text) {
        try {
            return ApiClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("an audit line is not JSON: " + text, e);
        }
    }
}
