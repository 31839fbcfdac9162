package dev.dataapi.http;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Quota;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.in.RequestFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@DisplayName("Every execute request and job read leaves one JSON line in the audit log, whatever its outcome")
class AuditLogTest {

    private static final String EXECUTE = "/api/v1/data-api/sales/by-region/execute";
    private static final String JOB = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final List<String> KEYS = List.of("time", "request_id", "action", "key_id", "company",
            "namespace", "slug", "job_id", "parameters_sha256", "status", "rows", "duration_ms", "delivered");
    private static final AtomicReference<ExecuteOutcome> NEXT = new AtomicReference<>();
    private static final AtomicReference<GetJobOutcome> NEXT_JOB = new AtomicReference<>();
    private static TestServer server;
    private CapturedLogs audit;

    @BeforeAll
    static void start() {
        server = TestServer.start((command, sink) -> {
            ExecuteOutcome outcome = NEXT.get();
            if (outcome instanceof ExecuteOutcome.Executed) {
                sink.columns(List.of(new Column("regiao", "varchar")));
                for (int i = 0; i < ((ExecuteOutcome.Executed) outcome).rowCount(); i++) {
                    sink.row(new Object[] {"Sul-" + i});
                }
            }
            return outcome;
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
    void given_sync_execution_when_answered_then_the_line_has_every_field_and_the_rows_sent() {
        NEXT.set(new ExecuteOutcome.Executed(Instant.now(), 3, false, 10_000, Facts.complete(Optional.of(Facts.QUOTA))));
        String id = requestId();
        Instant before = Instant.now().minusMillis(1);

        HttpResponse<String> response = server.post(EXECUTE, "{\"parameter_values\":{\"region\":\"Sul\"}}",
                "X-Request-Id", id, "Authorization", "Bearer dak_live_token");

        Map<String, Object> line = audit.auditLineOf(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(line.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(line).contains(entry("request_id", id), entry("action", "execute"), entry("key_id", Facts.KEY_ID),
                entry("company", Facts.COMPANY), entry("namespace", "sales"), entry("slug", "by-region"),
                entry("parameters_sha256", Facts.PARAMETERS_SHA256), entry("status", 200L), entry("rows", 3L),
                entry("delivered", true));
        assertThat(Instant.parse((String) line.get("time"))).isBetween(before, Instant.now());
        assertThat((String) line.get("time")).endsWith("Z");
        assertThat((Long) line.get("duration_ms")).isNotNegative();
        assertThat(audit.auditEventsOf(id)).hasSize(1).allSatisfy(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("INFO");
            assertThat(event.getFormattedMessage()).doesNotContain("\n");
        });
    }

    @Test
    void given_async_execution_when_accepted_then_the_line_says_202_with_the_new_job_id_and_no_rows() {
        NEXT.set(new ExecuteOutcome.Accepted(new JobId(Jobs.ID), Jobs.ENDPOINT, Instant.now(),
                Facts.complete(Optional.empty())));
        String id = requestId();

        server.postEmpty(EXECUTE, "X-Request-Id", id);

        Map<String, Object> line = audit.auditLineOf(id);
        assertThat(line.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(line).contains(entry("action", "execute"), entry("key_id", Facts.KEY_ID), entry("status", 202L),
                entry("job_id", Jobs.ID), entry("rows", 0L), entry("parameters_sha256", Facts.PARAMETERS_SHA256),
                entry("delivered", true));
    }

    @Test
    void given_unauthenticated_request_when_refused_then_the_line_has_no_key_and_names_the_requested_endpoint() {
        NEXT.set(new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."),
                RequestFacts.none()));
        String id = requestId();

        server.postEmpty(EXECUTE, "X-Request-Id", id, "Authorization", "Bearer dak_unknown");

        Map<String, Object> line = audit.auditLineOf(id);
        assertThat(line.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(line).contains(entry("action", "execute"), entry("key_id", null), entry("company", null),
                entry("namespace", "sales"), entry("slug", "by-region"), entry("parameters_sha256", null),
                entry("status", 401L), entry("rows", 0L));
    }

    @Test
    void given_path_segments_that_are_not_names_when_refused_then_namespace_and_slug_are_null() {
        NEXT.set(new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required.")));
        String id = requestId();

        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/Sales%22/by_region/execute", "X-Request-Id", id);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(audit.auditLineOf(id)).contains(entry("namespace", null), entry("slug", null), entry("status", 401L));
    }

    @Test
    void given_rate_limited_key_when_refused_then_the_line_says_429_with_the_key() {
        NEXT.set(new ExecuteOutcome.Rejected(new Rejection(RejectionCode.RATE_LIMITED, "Slow down.", List.of(),
                Optional.of(Duration.ofSeconds(2))), Facts.authenticated(new Quota("per-key", 100, 60, 0, 60))));
        String id = requestId();

        server.postEmpty(EXECUTE, "X-Request-Id", id);

        assertThat(audit.auditLineOf(id)).contains(entry("action", "execute"), entry("key_id", Facts.KEY_ID),
                entry("company", Facts.COMPANY), entry("namespace", "sales"), entry("slug", "by-region"),
                entry("parameters_sha256", null), entry("status", 429L), entry("rows", 0L));
    }

    @Test
    void given_path_of_no_known_shape_when_posted_then_it_is_audited_as_an_execute_with_its_404() {
        String id = requestId();

        HttpResponse<String> response = server.postEmpty("/api/v1/data-api/a/b/c/execute", "X-Request-Id", id);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(audit.auditLineOf(id)).contains(entry("action", "execute"), entry("key_id", null),
                entry("namespace", null), entry("slug", null), entry("status", 404L), entry("rows", 0L));
    }

    @Test
    void given_completed_job_when_read_then_the_line_has_the_job_id_and_its_row_count() {
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(2, false), sink -> {
            sink.columns(List.of(new Column("regiao", "varchar")));
            sink.row(new Object[] {"Sul"});
            sink.row(new Object[] {"Norte"});
        }, Facts.complete(Optional.of(Facts.QUOTA))));
        String id = requestId();

        HttpResponse<String> response = server.get(JOB, "X-Request-Id", id);

        Map<String, Object> line = audit.auditLineOf(id);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(line.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(line).contains(entry("request_id", id), entry("action", "get_job"), entry("key_id", Facts.KEY_ID),
                entry("company", Facts.COMPANY), entry("namespace", "sales"), entry("slug", "by-region"),
                entry("job_id", Jobs.ID), entry("parameters_sha256", Facts.PARAMETERS_SHA256), entry("status", 200L),
                entry("rows", 2L), entry("delivered", true));
    }

    @Test
    void given_running_job_when_read_then_the_line_has_no_rows() {
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.running(), sink -> {
            throw new AssertionError("a running job has no rows to read");
        }, Facts.complete(Optional.empty())));
        String id = requestId();

        server.get(JOB, "X-Request-Id", id);

        assertThat(audit.auditLineOf(id)).contains(entry("job_id", Jobs.ID), entry("status", 200L), entry("rows", 0L));
    }

    @Test
    void given_malformed_job_id_when_read_then_job_id_is_null_and_the_status_is_the_refusal() {
        NEXT_JOB.set(new GetJobOutcome.Rejected(Rejection.of(RejectionCode.JOB_NOT_FOUND, "There is no such job."),
                Facts.complete(Optional.empty())));
        String id = requestId();

        server.get("/api/v1/data-api/sales/by-region/jobs/not-a-job-id", "X-Request-Id", id);

        Map<String, Object> line = audit.auditLineOf(id);
        assertThat(line.keySet()).containsExactlyElementsOf(KEYS);
        assertThat(line).contains(entry("action", "get_job"), entry("job_id", null), entry("status", 404L),
                entry("rows", 0L));
    }

    @Test
    void given_use_case_failing_when_executing_then_the_line_says_500() {
        String id = requestId();
        try (TestServer failing = TestServer.start((command, sink) -> {
            throw new IllegalStateException("catalog unreachable");
        })) {
            HttpResponse<String> response = failing.postEmpty(EXECUTE, "X-Request-Id", id);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(audit.auditLineOf(id)).contains(entry("action", "execute"), entry("status", 500L),
                    entry("key_id", null), entry("namespace", "sales"), entry("delivered", true));
        }
    }

    @Test
    void given_head_on_a_completed_job_when_read_then_no_rows_are_counted() {
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(2, false), sink -> sink.columns(List.of()),
                Facts.complete(Optional.empty())));
        String id = requestId();

        server.call("HEAD", JOB, "X-Request-Id", id);

        assertThat(audit.auditLineOf(id)).contains(entry("action", "get_job"), entry("status", 200L), entry("rows", 0L));
    }

    static String requestId() {
        return "audit-" + UUID.randomUUID();
    }
}
