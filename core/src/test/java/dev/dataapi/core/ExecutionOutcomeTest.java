package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.NOW;
import static dev.dataapi.core.ServiceHarness.REQUEST_ID;
import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.core.ServiceHarness.values;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.QueryRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionOutcomeTest {

    private final List<LogRecord> logged = new ArrayList<>();
    private final Logger runnerLog = Logger.getLogger(QueryRunner.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        runnerLog.addHandler(capture);
        runnerLog.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        runnerLog.removeHandler(capture);
        runnerLog.setUseParentHandlers(true);
    }

    private static ServiceHarness syncEndpoint() {
        return ServiceHarness.with(anEndpoint().withTimeout(Duration.ofSeconds(30)).build());
    }

    @Test
    void given_a_sync_endpoint_when_a_callback_url_is_sent_then_invalid_parameter_on_callback_url() {
        ServiceHarness harness = syncEndpoint();

        Rejection rejection = rejection(harness.execute(Optional.of(TOKEN), "sales", "by-region",
                new ExecuteInput.Parsed(Map.of(), Optional.of("https://hooks.example.com/done"))));

        assertThat(rejection.code()).isEqualTo(RejectionCode.INVALID_PARAMETER);
        assertThat(rejection.problems()).containsExactly(new ParameterProblem("callback_url", "NOT_ALLOWED",
                "callback_url is only accepted by async endpoints"));
        assertThat(harness.requests).isEmpty();
    }

    @Test
    void given_a_valid_request_when_executed_then_the_query_gets_the_sql_bound_values_row_limit_timeout_and_request_id() {
        ServiceHarness harness = ServiceHarness.with(anEndpoint().withSql("SELECT * FROM sales WHERE region = :region")
                .withMaxRows(500).withTimeout(Duration.ofSeconds(30))
                .withParameters(ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING)).build()).build());

        harness.execute(values("region", "Sul"));

        assertThat(harness.requests).containsExactly(new QueryRequest("SELECT * FROM sales WHERE region = :region",
                List.of(new BoundParameter("region", ParameterType.scalar(ScalarType.STRING), "Sul")),
                500, Duration.ofSeconds(30), REQUEST_ID));
    }

    @Test
    void given_a_slow_query_when_executed_then_executed_at_is_when_it_started() {
        ServiceHarness harness = syncEndpoint();
        harness.answering((request, sink) -> {
            harness.clock.advance(Duration.ofSeconds(5));
            return new QueryOutcome.Completed(0, false);
        });

        ExecuteOutcome outcome = harness.execute();

        assertThat(outcome).usingRecursiveComparison().ignoringFields("facts")
                .isEqualTo(new ExecuteOutcome.Executed(NOW, 0, false, 10_000));
    }

    @Test
    void given_a_query_that_times_out_then_execution_timeout_names_the_endpoint_timeout() {
        ServiceHarness harness = syncEndpoint().answering(new QueryOutcome.TimedOut());

        Rejection rejection = rejection(harness.execute());

        assertThat(rejection).isEqualTo(Rejection.of(RejectionCode.EXECUTION_TIMEOUT,
                "The query did not finish within 30 seconds and was cancelled"));
    }

    @Test
    void given_a_query_that_fails_then_execution_error_quotes_the_request_id_and_only_the_log_holds_the_diagnostic() {
        String diagnostic = "ERROR: relation \"secret_sales\" does not exist at db-internal-7.corp";
        ServiceHarness harness = syncEndpoint().answering(new QueryOutcome.Failed(diagnostic));

        Rejection rejection = rejection(harness.execute());

        assertThat(rejection).isEqualTo(Rejection.of(RejectionCode.EXECUTION_ERROR,
                "The query failed. Quote request id " + REQUEST_ID + " to the endpoint's owner."));
        assertThat(rejection.toString()).doesNotContain("secret_sales", "db-internal");
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains(REQUEST_ID, diagnostic);
        });
    }

    @Test
    void given_a_diagnostic_quoting_a_value_with_line_breaks_when_logged_then_it_stays_on_one_line_with_the_breaks_escaped() {
        String forged = "2026-04-11 10:30:01 INFO dev.dataapi.core.QueryRunner: request req-1 served";
        String diagnostic = "ERROR: invalid input syntax for type uuid: \"x\r\n" + forged + "\u001b[2J\"";
        ServiceHarness harness = syncEndpoint().answering(new QueryOutcome.Failed(diagnostic));

        harness.execute();

        assertThat(logged).singleElement().satisfies(record -> assertThat(record.getMessage())
                .doesNotContain("\n", "\r", "\u001b")
                .contains("for type uuid: \"x\\r\\n" + forged + "\\u001b[2J\""));
    }

    @Test
    void given_a_request_id_with_a_line_break_when_a_failure_is_logged_then_the_break_is_escaped() {
        ServiceHarness harness = syncEndpoint().answering(new QueryOutcome.Failed("ERROR: division by zero"));
        String requestId = "req-1\n2026-04-11 10:30:01 INFO forged";

        harness.service.execute(new ExecuteCommand(Optional.of(TOKEN), "sales", "by-region", ExecuteInput.Parsed.empty(),
                requestId), new RecordingSink());

        assertThat(logged).singleElement().extracting(LogRecord::getMessage).asString()
                .doesNotContain("\n").contains("request req-1\\n2026-04-11 10:30:01 INFO forged: query");
    }

    @Test
    void given_an_executor_that_throws_with_a_line_break_in_its_message_then_the_logged_exception_escapes_it() {
        ServiceHarness harness = syncEndpoint().answering((request, sink) -> {
            throw new IllegalStateException("value 'a\nINFO forged' refused");
        });

        harness.execute();

        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getThrown()).hasMessage("value 'a\\nINFO forged' refused");
            assertThat(record.getThrown()).hasToString("java.lang.IllegalStateException: value 'a\\nINFO forged' refused");
            assertThat(record.getThrown().getStackTrace()).isNotEmpty();
        });
    }

    @Test
    void given_no_connection_in_time_then_service_unavailable_with_retry_after() {
        ServiceHarness harness = syncEndpoint().answering(new QueryOutcome.Unavailable(Duration.ofSeconds(2)));

        Rejection rejection = rejection(harness.execute());

        assertThat(rejection.code()).isEqualTo(RejectionCode.SERVICE_UNAVAILABLE);
        assertThat(rejection.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void given_an_executor_that_throws_then_internal_error_is_returned_not_thrown_and_the_cause_is_logged() {
        ServiceHarness harness = syncEndpoint().answering((request, sink) -> {
            throw new IllegalStateException("pool closed by host db-internal-7.corp");
        });

        Rejection rejection = rejection(harness.execute());

        assertThat(rejection.code()).isEqualTo(RejectionCode.INTERNAL_ERROR);
        assertThat(rejection.detail()).contains(REQUEST_ID).doesNotContain("db-internal");
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getMessage()).contains(REQUEST_ID);
            assertThat(record.getThrown()).hasMessageContaining("pool closed");
        });
    }
}
