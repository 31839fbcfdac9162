package dev.dataapi.http;

import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An accepted async execution answers 202 with where to poll for the job")
class AcceptedResponseTest {

    private static final RecordingExecute EXECUTE = new RecordingExecute();
    private static final AtomicReference<ExecuteOutcome> NEXT = new AtomicReference<>();
    private static final AtomicReference<GetJobCommand> JOB_READ = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start((command, sink) -> EXECUTE.answering(NEXT.get()).execute(command, sink), command -> {
            JOB_READ.set(command);
            return new GetJobOutcome.Found(Jobs.queued(), sink -> {
                throw new AssertionError("a queued job has no rows to read");
            });
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_accepted_job_when_executing_then_202_body_is_byte_for_byte_the_contract_with_the_real_path() {
        NEXT.set(accepted("sales", "by-region", Jobs.ID));

        HttpResponse<byte[]> response = server.send(server.request("/api/v1/data-api/sales/by-region/execute",
                "X-Request-Id", "rid-async").POST(HttpRequest.BodyPublishers.ofString("{\"parameter_values\":{}}")).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("X-Request-Id")).contains("rid-async");
        assertThat(response.headers().firstValue("Location"))
                .contains("/api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\","
                + "\"status\":\"processing\",\"polling_url\":\"/api/v1/data-api/sales/by-region/jobs/507f1f77bcf86cd799439011\"}");
    }

    @Test
    void given_request_path_with_encoded_segments_when_accepted_then_polling_url_uses_the_endpoint_names() {
        String jobId = JobId.generate(Instant.parse("2026-04-11T10:30:00Z")).value();
        NEXT.set(accepted("sales", "by-region", jobId));

        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/sal%65s/by%2Dregion/execute");

        String polling = "/api/v1/data-api/sales/by-region/jobs/" + jobId;
        assertThat(EXECUTE.command().namespace()).isEqualTo("sales");
        assertThat(EXECUTE.command().slug()).isEqualTo("by-region");
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location")).contains(polling);
        assertThat(response.body()).endsWith(",\"polling_url\":\"" + polling + "\"}");
    }

    @Test
    void given_the_polling_url_when_followed_with_the_same_key_then_it_reads_that_job() {
        NEXT.set(accepted("fin-ops", "daily-2", Jobs.ID));
        HttpResponse<String> accepted = server.postEmpty("/api/v1/data-api/fin-ops/daily-2/execute",
                "Authorization", "Bearer dak_secret");

        HttpResponse<String> polled = server.get(accepted.headers().firstValue("Location").orElseThrow(),
                "Authorization", "Bearer dak_secret");

        assertThat(polled.statusCode()).isEqualTo(200);
        GetJobCommand read = JOB_READ.get();
        assertThat(read.namespace()).isEqualTo("fin-ops");
        assertThat(read.slug()).isEqualTo("daily-2");
        assertThat(read.jobId()).isEqualTo(Jobs.ID);
        assertThat(read.bearerToken()).contains("dak_secret");
    }

    private static ExecuteOutcome accepted(String namespace, String slug, String jobId) {
        return new ExecuteOutcome.Accepted(new JobId(jobId), new EndpointRef(namespace, slug),
                Instant.parse("2026-04-11T10:30:00Z"));
    }
}
