package dev.dataapi.http;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Quota;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.in.RequestFacts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("No logger ever writes the bearer token or a parameter value, whatever the outcome")
class SecretsNeverLoggedTest {

    private static final String TOKEN = "dak_Zx81TopSecretToken0000000000000000";
    private static final String VALUE = "Sul-Confidential-Region-4711";
    private static final String BODY = "{\"parameter_values\":{\"region\":\"" + VALUE + "\"}}";
    private static final String EXECUTE = "/api/v1/data-api/sales/by-region/execute";
    private static final String JOB = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;

    @Test
    void given_a_token_and_parameter_values_on_every_kind_of_outcome_when_served_then_no_log_line_holds_them() {
        List<String> requestIds = new ArrayList<>();
        try (CapturedLogs logs = CapturedLogs.everything();
             TestServer server = TestServer.start((command, sink) -> answer(command.slug(), command.input(), sink),
                     command -> jobAnswer(command.slug()))) {
            for (String slug : List.of("ok", "async", "unauthorized", "limited", "invalid", "fails", "error")) {
                requestIds.add(send(server, "POST", "/api/v1/data-api/sales/" + slug + "/execute", BODY));
            }
            requestIds.add(send(server, "POST", EXECUTE, "{not json " + VALUE));
            requestIds.add(send(server, "POST", "/api/v1/data-api/" + VALUE.toLowerCase() + "/x/y/execute", BODY));
            for (String slug : List.of("done", "missing", "broken")) {
                requestIds.add(send(server, "GET", "/api/v1/data-api/sales/" + slug + "/jobs/" + Jobs.ID, ""));
            }
            requestIds.add(send(server, "GET", JOB.replace(Jobs.ID, VALUE), ""));

            requestIds.forEach(logs::auditLineOf);
            List<ILoggingEvent> events = logs.events();
            assertThat(events).as("captured: an audit line per request, and the failures' own lines")
                    .hasSizeGreaterThan(requestIds.size());
            assertThat(events).extracting(CapturedLogs::fullText).allSatisfy(text -> assertThat(text)
                    .doesNotContain(TOKEN).doesNotContain(VALUE).doesNotContain(VALUE.toLowerCase())
                    .doesNotContainIgnoringCase("authorization"));
        }
    }

    private static String send(TestServer server, String method, String path, String body) {
        String id = AuditLogTest.requestId();
        HttpRequest.Builder request = server.request(path, "X-Request-Id", id, "Authorization", "Bearer " + TOKEN);
        HttpRequest built = "POST".equals(method)
                ? request.POST(HttpRequest.BodyPublishers.ofString(body)).build()
                : request.GET().build();
        try {
            server.send(built);
        } catch (UncheckedIOException brokenOff) {
            // The broken job read is cut short on purpose.
        }
        return id;
    }

    private static ExecuteOutcome answer(String slug, ExecuteInput input, ResultSink sink) {
        RequestFacts facts = Facts.complete(Optional.of(Facts.QUOTA));
        switch (slug) {
            case "ok":
                sink.columns(List.of(new Column("region", "varchar")));
                sink.row(new Object[] {"Norte"});
                return new ExecuteOutcome.Executed(Instant.now(), 1, false, 10_000, facts);
            case "async":
                return new ExecuteOutcome.Accepted(new JobId(Jobs.ID), Jobs.ENDPOINT, Instant.now(), facts);
            case "unauthorized":
                return new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."));
            case "limited":
                return new ExecuteOutcome.Rejected(new Rejection(RejectionCode.RATE_LIMITED, "Slow down.", List.of(),
                        Optional.of(Duration.ofSeconds(1))), facts.withQuota(Optional.of(new Quota("k", 1, 60, 0, 60))));
            case "invalid":
                return new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.INVALID_PARAMETER, "'region' is not allowed."),
                        facts);
            case "fails":
                throw new IllegalStateException("the catalog is unreachable");
            case "error":
                throw new AssertionError("a bug in the use case");
            default:
                return new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.INVALID_PARAMS,
                        input instanceof ExecuteInput.Unreadable ? "The body is not JSON." : "Unknown."), facts);
        }
    }

    private static GetJobOutcome jobAnswer(String slug) {
        RequestFacts facts = Facts.complete(Optional.of(Facts.QUOTA));
        switch (slug) {
            case "done":
                return new GetJobOutcome.Found(Jobs.completed(1, false), sink -> {
                    sink.columns(List.of(new Column("region", "varchar")));
                    sink.row(new Object[] {"Norte"});
                }, facts);
            case "broken":
                return new GetJobOutcome.Found(Jobs.completed(2_000, false), sink -> {
                    sink.columns(List.of(new Column("text", "text")));
                    for (int i = 0; i < 1_000; i++) {
                        sink.row(new Object[] {"y".repeat(1_000)});
                    }
                    throw new IllegalStateException("chunk 7 missing");
                }, facts);
            default:
                return new GetJobOutcome.Rejected(Rejection.of(RejectionCode.JOB_NOT_FOUND, "There is no such job."), facts);
        }
    }
}
