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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A key with a quota reads where it stands in the RateLimit headers of every answer, and a 429 says when to retry")
class RateLimitHeadersTest {

    private static final String EXECUTE = "/api/v1/data-api/sales/by-region/execute";
    private static final String JOB = "/api/v1/data-api/sales/by-region/jobs/" + Jobs.ID;
    private static final AtomicReference<ExecuteOutcome> NEXT = new AtomicReference<>();
    private static final AtomicReference<GetJobOutcome> NEXT_JOB = new AtomicReference<>();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start((command, sink) -> {
            ExecuteOutcome outcome = NEXT.get();
            if (outcome instanceof ExecuteOutcome.Executed) {
                sink.columns(List.of(new Column("regiao", "varchar")));
                sink.row(new Object[] {"Sul"});
            }
            return outcome;
        }, command -> NEXT_JOB.get());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void given_key_with_quota_when_executed_then_200_carries_policy_and_standing() {
        NEXT.set(new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10_000,
                Facts.complete(Optional.of(Facts.QUOTA))));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("RateLimit-Policy")).containsExactly("\"per-key\";q=100;w=60");
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=99;t=1");
    }

    @Test
    void given_key_with_quota_when_accepted_then_202_carries_policy_and_standing() {
        NEXT.set(new ExecuteOutcome.Accepted(new JobId(Jobs.ID), Jobs.ENDPOINT, Instant.parse("2026-04-11T10:30:00Z"),
                Facts.complete(Optional.of(new Quota("burst", 10, 1, 3, 1)))));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().allValues("RateLimit-Policy")).containsExactly("\"burst\";q=10;w=1");
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"burst\";r=3;t=1");
    }

    @Test
    void given_key_with_quota_when_endpoint_not_found_then_404_carries_the_headers_but_no_retry_after() {
        NEXT.set(new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.ENDPOINT_NOT_FOUND, "No such endpoint."),
                Facts.authenticated(new Quota("per-key", 100, 60, 42, 35))));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("RateLimit-Policy")).containsExactly("\"per-key\";q=100;w=60");
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=42;t=35");
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }

    @ParameterizedTest(name = "wait of {0} ms -> Retry-After {1}")
    @CsvSource({"1500, 2", "1000, 1", "1, 1", "0, 1", "59001, 60"})
    void given_rate_limited_with_a_wait_when_executing_then_429_rounds_it_up_to_whole_seconds(long millis, String seconds) {
        NEXT.set(new ExecuteOutcome.Rejected(new Rejection(RejectionCode.RATE_LIMITED, "Slow down.", List.of(),
                Optional.of(Duration.ofMillis(millis))), Facts.authenticated(new Quota("per-key", 100, 60, 0, 60))));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().allValues("Retry-After")).containsExactly(seconds);
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=0;t=60");
        assertThat(response.headers().allValues("RateLimit-Policy")).containsExactly("\"per-key\";q=100;w=60");
        assertThat(response.body()).contains("\"type\":\"/problems/rate-limited\",\"title\":\"Too many requests\","
                + "\"status\":429,\"detail\":\"Slow down.\",\"code\":\"RATE_LIMITED\"");
    }

    @ParameterizedTest(name = "{0} per {1} s, full in {2} s -> Retry-After {3}")
    @CsvSource({
            "100, 60, 60, 1",   // one request back in 0.6 s
            "2, 60, 45, 30",    // one request back in 30 s
            "1, 60, 20, 20",    // the quota says it is full again sooner than one refill takes
            "1, 3600, 0, 3600", // no reset known: the refill of one request
    })
    void given_rate_limited_without_a_wait_when_executing_then_retry_after_comes_from_the_quota(int quota, long window,
                                                                                              long reset, String seconds) {
        NEXT.set(new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.RATE_LIMITED, "Slow down."),
                Facts.authenticated(new Quota("per-key", quota, window, 0, reset))));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().allValues("Retry-After")).containsExactly(seconds);
    }

    @Test
    void given_key_without_quota_when_executed_then_no_rate_limit_headers() {
        NEXT.set(new ExecuteOutcome.Executed(Instant.parse("2026-04-11T10:30:00Z"), 1, false, 10_000,
                Facts.complete(Optional.empty())));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("RateLimit-Policy")).isEmpty();
        assertThat(response.headers().firstValue("RateLimit")).isEmpty();
    }

    @Test
    void given_unauthenticated_request_when_executing_then_no_rate_limit_headers() {
        NEXT.set(new ExecuteOutcome.Rejected(Rejection.of(RejectionCode.UNAUTHORIZED, "A valid API key is required."),
                RequestFacts.none()));

        HttpResponse<String> response = server.postEmpty(EXECUTE);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("RateLimit-Policy")).isEmpty();
        assertThat(response.headers().firstValue("RateLimit")).isEmpty();
    }

    @Test
    void given_key_with_quota_when_reading_a_completed_job_then_the_streamed_200_carries_the_headers() {
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(1, false), sink -> {
            sink.columns(List.of(new Column("regiao", "varchar")));
            sink.row(new Object[] {"Sul"});
        }, Facts.complete(Optional.of(Facts.QUOTA))));

        HttpResponse<String> response = server.get(JOB);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"rows\":[{\"regiao\":\"Sul\"}]");
        assertThat(response.headers().allValues("RateLimit-Policy")).containsExactly("\"per-key\";q=100;w=60");
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=99;t=1");
    }

    @Test
    void given_key_with_quota_when_job_not_found_then_404_carries_the_headers() {
        NEXT_JOB.set(new GetJobOutcome.Rejected(Rejection.of(RejectionCode.JOB_NOT_FOUND, "There is no such job."),
                Facts.complete(Optional.of(Facts.QUOTA))));

        HttpResponse<String> response = server.get(JOB);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=99;t=1");
    }

    @Test
    void given_key_with_quota_when_rate_limited_on_a_job_read_then_429_has_retry_after_and_headers() {
        NEXT_JOB.set(new GetJobOutcome.Rejected(new Rejection(RejectionCode.RATE_LIMITED, "Slow down.", List.of(),
                Optional.of(Duration.ofMillis(2_250))), Facts.authenticated(new Quota("per-key", 100, 60, 0, 59))));

        HttpResponse<String> response = server.get(JOB);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().allValues("Retry-After")).containsExactly("3");
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=0;t=59");
    }

    @Test
    void given_stored_result_failing_before_anything_was_sent_when_read_then_the_500_still_carries_the_headers() {
        NEXT_JOB.set(new GetJobOutcome.Found(Jobs.completed(1, false), sink -> {
            throw new IllegalStateException("chunk 0 missing");
        }, Facts.complete(Optional.of(Facts.QUOTA))));

        HttpResponse<String> response = server.get(JOB);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().allValues("RateLimit")).containsExactly("\"per-key\";r=99;t=1");
    }

    @Test
    void given_policy_name_with_quotes_and_non_ascii_when_written_then_it_stays_one_valid_structured_string() {
        Quota quota = new Quota("a\"b\\cé", 5, 10, 5, 0);

        assertThat(RateLimitHeaders.policy(quota)).isEqualTo("\"a\\\"b\\\\c?\";q=5;w=10");
        assertThat(RateLimitHeaders.limit(quota)).isEqualTo("\"a\\\"b\\\\c?\";r=5;t=0");
    }
}
