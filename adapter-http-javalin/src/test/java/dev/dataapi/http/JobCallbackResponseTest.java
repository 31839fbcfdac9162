package dev.dataapi.http;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.ResultSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A job given a callback_url shows its webhook delivery after completed_at; any other job shows the contract's six keys")
class JobCallbackResponseTest {

    private static final String PATH = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final String JOB_FIELDS_OF_FAILED = "{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"failed\","
            + "\"result\":null,\"error\":\"The query failed.\",\"created_at\":\"2026-04-11T10:30:00Z\","
            + "\"completed_at\":\"2026-04-11T10:31:05Z\"";
    private static final ResultSource NO_ROWS = sink -> sink.columns(List.of());
    private static final AtomicReference<GetJobOutcome> NEXT = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(new RecordingExecute().answeringEmptyResult(), command -> NEXT.get());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_processing_job_with_callback_when_read_then_callback_is_pending_and_untried() {
        String body = read(Jobs.queuedWithCallback(), NO_ROWS);

        assertThat(body).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"processing\","
                + "\"result\":null,\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\",\"completed_at\":null,"
                + "\"callback\":{\"status\":\"pending\",\"attempts\":0,\"last_status_code\":null,\"next_attempt_at\":null}}");
    }

    @Test
    void given_completed_job_delivered_when_read_then_callback_follows_the_result_and_completion() {
        Job job = Jobs.completedWithCallback(1, false).withCallback(CallbackState.pending().delivered(204));

        String body = read(job, sink -> {
            sink.columns(List.of(new Column("regiao", "varchar")));
            sink.row(new Object[] {"Sul"});
        });

        assertThat(body).isEqualTo("{\"job_id\":\"507f1f77bcf86cd799439011\",\"status\":\"completed\","
                + "\"result\":{\"columns\":[{\"name\":\"regiao\",\"type\":\"varchar\"}],\"rows\":[{\"regiao\":\"Sul\"}],"
                + "\"row_count\":1,\"truncated\":false},\"error\":null,\"created_at\":\"2026-04-11T10:30:00Z\","
                + "\"completed_at\":\"2026-04-11T10:31:05Z\","
                + "\"callback\":{\"status\":\"delivered\",\"attempts\":1,\"last_status_code\":204,\"next_attempt_at\":null}}");
    }

    @Test
    void given_failed_attempt_to_retry_when_read_then_callback_shows_the_status_code_and_next_attempt_in_utc_seconds() {
        // Sub-second part on purpose: the API shows whole seconds.
        Instant next = Instant.parse("2026-04-11T10:32:10.400Z");
        Job job = Jobs.failedWithCallback("The query failed.")
                .withCallback(CallbackState.pending().retryAt(Optional.of(503), next));

        String body = read(job, NO_ROWS);

        assertThat(body).isEqualTo(JOB_FIELDS_OF_FAILED
                + ",\"callback\":{\"status\":\"pending\",\"attempts\":1,\"last_status_code\":503,"
                + "\"next_attempt_at\":\"2026-04-11T10:32:10Z\"}}");
    }

    @Test
    void given_delivery_given_up_without_an_answer_when_read_then_callback_failed_with_null_status_code() {
        CallbackState retrying = CallbackState.pending().retryAt(Optional.of(500), Instant.parse("2026-04-11T10:32:00Z"));
        Job job = Jobs.failedWithCallback("The query failed.")
                .withCallback(retrying)
                .withCallback(retrying.givenUp(Optional.empty()));

        String body = read(job, NO_ROWS);

        assertThat(body).isEqualTo(JOB_FIELDS_OF_FAILED
                + ",\"callback\":{\"status\":\"failed\",\"attempts\":2,\"last_status_code\":null,\"next_attempt_at\":null}}");
    }

    static Stream<Arguments> jobsWithoutCallback() {
        return Stream.of(Arguments.of("queued", Jobs.queued()), Arguments.of("running", Jobs.running()),
                Arguments.of("completed", Jobs.completed(0, false)),
                Arguments.of("failed", Jobs.failed("The query failed.")));
    }

    @ParameterizedTest(name = "{0} job")
    @MethodSource("jobsWithoutCallback")
    void given_job_without_callback_when_read_then_exactly_the_contracts_six_keys(String state, Job job) throws IOException {
        String body = read(job, NO_ROWS);

        assertThat(JsonKeys.topLevel(body))
                .containsExactly("job_id", "status", "result", "error", "created_at", "completed_at");
    }

    private static String read(Job job, ResultSource result) {
        NEXT.set(new GetJobOutcome.Found(job, result));
        HttpResponse<String> response = server.get(PATH);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
