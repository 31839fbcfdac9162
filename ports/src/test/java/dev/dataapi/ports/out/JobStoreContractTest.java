package dev.dataapi.ports.out;

import dev.dataapi.ports.BoundParameter;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} must do. Each adapter's test extends this class and implements
 * {@link #create()}. The tests here cover storing and finding jobs and the work queue (claims,
 * leases, attempts, fencing); those about skipped companies and the queue's depth are inherited
 * from {@link JobStoreQueueContract}, those about results and concurrent claiming from
 * {@link JobStoreResultContract}, those about webhook deliveries from {@link JobStoreDeliveryContract}
 * and {@link JobStoreDeliveryClaimContract}, and the rules for sharing a database are on
 * {@link JobStoreContractSupport}.
 */
public abstract class JobStoreContractTest extends JobStoreQueueContract {

    @Test
    void given_a_job_with_every_kind_of_field_when_inserted_then_find_returns_an_equal_job() {
        Job job = mine().withApiKeyId("acme-partner-south")
                .pinning("regions", List.of("Sul", "Norte"))
                .pinning("region", "Sul")
                .pinning("min_total", new BigDecimal("1234567890123456789012345678.901234567890"))
                .pinning("audited", true)
                .withCallbackUrl("https://hooks.example.com/data-api/done?source=sales&x=%20")
                .withSql("SELECT * FROM sales WHERE region = ANY(:regions) AND total >= :min_total")
                .withParameters(everyKindOfBoundParameter())
                .withMaxRows(250).withTimeout(Duration.ofMillis(90_500)).withRequestId("req-every-field")
                .withRetention(Duration.ofHours(6))
                .build();

        store.insert(job);

        Optional<Job> found = store.find(job.id(), t0);
        assertThat(found).contains(job);
        assertThat(found.get().query().parameters()).containsExactlyElementsOf(job.query().parameters());
        assertThat(found.get().expiresAt()).isEqualTo(t0.plus(Duration.ofHours(6)));
        assertThat(found.get().callback()).contains(CallbackState.pending());
    }

    @Test
    void given_a_job_without_pins_parameters_or_callback_when_inserted_then_find_returns_an_equal_job() {
        Job job = mine().build();

        store.insert(job);

        assertThat(store.find(job.id(), t0)).contains(job);
        assertThat(store.find(job.id(), t0).flatMap(Job::callback)).isEmpty();
    }

    @Test
    void given_an_unknown_id_when_found_then_empty() {
        assertThat(store.find(JobId.generate(t0), t0)).isEmpty();
    }

    @Test
    void given_a_stored_job_when_its_retention_is_over_then_find_is_empty() {
        Job job = mine().withRetention(Duration.ofHours(1)).build();
        store.insert(job);

        assertThat(store.find(job.id(), t0.plus(Duration.ofMinutes(59)))).contains(job);
        assertThat(store.find(job.id(), t0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(store.find(job.id(), t0.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void given_two_queued_jobs_when_claimed_then_the_oldest_comes_first_running_with_one_attempt_and_a_lease() {
        Job newer = mine().createdAt(t0.plusSeconds(5)).build();
        Job older = mine().createdAt(t0).build();
        store.insert(newer);
        store.insert(older);
        Instant now = t0.plusSeconds(10);

        ClaimedJob first = claimMine(now).orElseThrow();
        ClaimedJob second = claimMine(now).orElseThrow();

        assertThat(first.job()).isEqualTo(older.start());
        assertThat(first.claim().jobId()).isEqualTo(older.id());
        assertThat(first.claim().attempt()).isEqualTo(1);
        assertThat(first.claim().leaseUntil()).isEqualTo(now.plus(LEASE));
        assertThat(first.claim().token()).isNotBlank();
        assertThat(store.find(older.id(), now)).contains(older.start());
        assertThat(second.job()).isEqualTo(newer.start());
        assertThat(second.claim().token()).isNotEqualTo(first.claim().token());
        assertThat(claimMine(now)).isEmpty();
    }

    @Test
    void given_nothing_claimable_when_claimed_then_nothing_is_returned() {
        store.insert(mine().build());
        Instant now = t0.plusSeconds(1);
        assertThat(claimMine(now)).isPresent();

        assertThat(store.claimNext(now, LEASE, MAX_ATTEMPTS)).isEmpty();
    }

    @Test
    void given_a_lapsed_lease_when_claimed_again_then_attempt_two_holds_it_and_the_old_claim_is_fenced_off() {
        Job job = mine().build();
        store.insert(job);
        JobClaim stale = claimMine(t0).orElseThrow().claim();
        assertThat(claimMine(t0.plus(LEASE).minusMillis(1))).isEmpty();
        Instant later = t0.plus(LEASE).plusSeconds(1);

        ClaimedJob again = claimMine(later).orElseThrow();

        assertThat(again.claim().attempt()).isEqualTo(2);
        assertThat(again.job()).isEqualTo(job.start().start());
        assertThat(again.claim().token()).isNotEqualTo(stale.token());
        JobResultWriter staleRows = store.resultWriter(stale);
        staleRows.columns(List.of(new Column("n", "int4")));
        staleRows.row(new Object[] {1});
        assertThat(store.complete(stale, staleRows, new ResultSummary(List.of(new Column("n", "int4")), 1, false), later))
                .isFalse();
        staleRows.close();
        assertThat(store.fail(stale, "too late", later)).isFalse();
        assertThat(store.renew(stale, later, LEASE)).isFalse();
        assertThat(store.release(stale)).isFalse();
        assertThat(store.find(job.id(), later)).contains(again.job());
        assertThat(store.renew(again.claim(), later, LEASE)).isTrue();
    }

    @Test
    void given_a_job_started_max_attempts_times_when_its_lease_lapses_then_it_fails_as_interrupted_instead_of_being_claimed() {
        Job job = mine().build();
        store.insert(job);
        Duration step = LEASE.plusSeconds(1);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(claimMine(t0.plus(step.multipliedBy(attempt - 1))).orElseThrow().claim().attempt()).isEqualTo(attempt);
        }
        Instant exhausted = t0.plus(step.multipliedBy(MAX_ATTEMPTS));

        assertThat(claimMine(exhausted)).isEmpty();

        Job failed = store.find(job.id(), exhausted).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).containsIgnoringCase("execution was interrupted"));
        assertThat(failed.completedAt()).contains(exhausted);
    }

    @Test
    void given_a_renewed_lease_when_the_first_lease_has_passed_then_the_job_is_not_claimable_until_the_new_one_ends() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();
        Instant renewedAt = t0.plusSeconds(20);

        assertThat(store.renew(claim, renewedAt, LEASE)).isTrue();

        assertThat(claimMine(t0.plus(LEASE).plusSeconds(1))).isEmpty();
        assertThat(store.find(job.id(), t0.plus(LEASE).plusSeconds(1))).contains(job.start());
        assertThat(claimMine(renewedAt.plus(LEASE).plusSeconds(1)).orElseThrow().claim().attempt()).isEqualTo(2);
    }

    @Test
    void given_a_renewed_claim_when_completed_with_the_claim_as_first_returned_then_it_succeeds() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();
        assertThat(store.renew(claim, t0.plusSeconds(20), LEASE)).isTrue();
        JobResultWriter rows = store.resultWriter(claim);
        rows.columns(List.of());
        ResultSummary empty = new ResultSummary(List.of(), 0, false);

        assertThat(store.complete(claim, rows, empty, t0.plusSeconds(40))).isTrue();
        rows.close();

        assertThat(store.find(job.id(), t0.plusSeconds(40))).contains(job.start().complete(empty, t0.plusSeconds(40)));
    }

    @Test
    void given_a_claimed_job_when_released_then_it_is_queued_again_without_counting_the_attempt() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();

        assertThat(store.release(claim)).isTrue();

        assertThat(store.find(job.id(), t0)).contains(job);
        assertThat(store.release(claim)).isFalse();
        assertThat(store.fail(claim, "too late", t0)).isFalse();
        ClaimedJob again = claimMine(t0.plusSeconds(1)).orElseThrow();
        assertThat(again.claim().attempt()).isEqualTo(1);
        assertThat(again.claim().token()).isNotEqualTo(claim.token());
    }

    @Test
    void given_a_claimed_job_when_failed_then_the_error_is_stored_and_the_claim_can_do_nothing_more() {
        Job job = mine().build();
        store.insert(job);
        JobClaim claim = claimMine(t0).orElseThrow().claim();
        String error = "The query failed. Quote job id " + job.id() + " to the endpoint's owner.";
        Instant failedAt = t0.plusSeconds(3);

        assertThat(store.fail(claim, error, failedAt)).isTrue();

        Job failed = job.start().fail(error, failedAt);
        assertThat(store.find(job.id(), failedAt)).contains(failed);
        assertThat(store.fail(claim, "again", failedAt)).isFalse();
        assertThat(store.release(claim)).isFalse();
        assertThat(store.renew(claim, failedAt, LEASE)).isFalse();
        assertThat(claimMine(failedAt.plus(LEASE).plus(LEASE))).isEmpty();
        assertThat(store.find(job.id(), failedAt)).contains(failed);
    }

    private static BoundParameter[] everyKindOfBoundParameter() {
        OffsetDateTime stamp = OffsetDateTime.of(2026, 4, 11, 10, 30, 0, 123_456_000, ZoneOffset.UTC);
        return new BoundParameter[] {
            new BoundParameter("region", ParameterType.scalar(ScalarType.STRING), "São Paulo \"quoted\" 🌎"),
            new BoundParameter("year", ParameterType.scalar(ScalarType.INTEGER), Long.MAX_VALUE),
            new BoundParameter("min_total", ParameterType.scalar(ScalarType.NUMBER),
                    new BigDecimal("1234567890123456789012345678.901234567890")),
            new BoundParameter("ratio", ParameterType.scalar(ScalarType.NUMBER), new BigDecimal("0.10")),
            new BoundParameter("audited", ParameterType.scalar(ScalarType.BOOLEAN), true),
            new BoundParameter("since", ParameterType.scalar(ScalarType.DATE), LocalDate.of(2024, 1, 1)),
            new BoundParameter("at", ParameterType.scalar(ScalarType.TIMESTAMP), stamp),
            new BoundParameter("regions", ParameterType.listOf(ScalarType.STRING), List.of("Sul", "Norte")),
            new BoundParameter("years", ParameterType.listOf(ScalarType.INTEGER), List.of(2024L, -1L)),
            new BoundParameter("totals", ParameterType.listOf(ScalarType.NUMBER),
                    List.of(new BigDecimal("1.50"), new BigDecimal("-99999999999999999999999999999999999999.9"))),
            new BoundParameter("flags", ParameterType.listOf(ScalarType.BOOLEAN), List.of(true, false)),
            new BoundParameter("days", ParameterType.listOf(ScalarType.DATE), List.of(LocalDate.of(2026, 4, 11))),
            new BoundParameter("stamps", ParameterType.listOf(ScalarType.TIMESTAMP), List.of(stamp, stamp.plusDays(1))),
            new BoundParameter("nothing_yet", ParameterType.listOf(ScalarType.STRING), List.of()),
            new BoundParameter("comment", ParameterType.scalar(ScalarType.STRING), null),
            new BoundParameter("limit_years", ParameterType.listOf(ScalarType.INTEGER), null),
            new BoundParameter("with_gaps", ParameterType.listOf(ScalarType.STRING), Arrays.asList("a", null)),
        };
    }
}
