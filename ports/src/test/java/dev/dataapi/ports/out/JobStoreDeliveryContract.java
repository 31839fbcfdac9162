package dev.dataapi.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link JobStoreContractTest} about when a webhook delivery is due: only for a job
 * with a callback, only once it has ended (completed, failed, or failed for running out of
 * attempts), at once, again at each recorded retry's instant, never after it was delivered or
 * given up, never once the job has expired; the oldest job first. How claims hold, lapse and fence
 * is in {@link JobStoreDeliveryClaimContract}.
 */
public abstract class JobStoreDeliveryContract extends JobStoreContractSupport {
    private static final String CALLBACK_URL = "https://hooks.example.com/data-api";

    @Test
    void given_a_retry_scheduled_after_the_jobs_expiry_when_recorded_then_the_job_is_kept_until_an_hour_after_it() {
        Instant completedAt = t0.plusSeconds(1);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).withRetention(Duration.ofHours(1)).build(), completedAt);
        ClaimedDelivery claimed = claimDeliveryOfMine(completedAt).orElseThrow();
        Instant retry = t0.plus(Duration.ofHours(3));

        assertThat(store.recordDelivery(claimed.claim(), CallbackState.pending().retryAt(Optional.of(503), retry))).isTrue();

        Instant keptUntil = retry.plus(Job.KEPT_AFTER_NEXT_DELIVERY);
        assertThat(store.find(job.id(), t0.plus(Duration.ofHours(2)))).map(Job::expiresAt).contains(keptUntil);
        assertThat(claimDeliveryOfMine(retry)).map(ClaimedDelivery::job).map(Job::id).contains(job.id());
        assertThat(store.find(job.id(), keptUntil.minusNanos(1))).isPresent();
        assertThat(store.find(job.id(), keptUntil)).isEmpty();
    }

    @Test
    void given_a_completed_job_without_callback_when_deliveries_are_claimed_then_it_never_comes_up() {
        Instant completedAt = t0.plusSeconds(1);
        completed(mine().build(), completedAt);

        assertThat(claimDeliveryOfMine(completedAt)).isEmpty();
        assertThat(claimDeliveryOfMine(completedAt.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void given_a_job_with_callback_when_it_is_queued_or_running_then_its_delivery_is_not_due() {
        Job job = mine().withCallbackUrl(CALLBACK_URL).build();
        store.insert(job);
        assertThat(claimDeliveryOfMine(t0)).isEmpty();

        claimMine(t0).orElseThrow();

        assertThat(claimDeliveryOfMine(t0.plusSeconds(1))).isEmpty();
        // A running job whose worker vanished is still not ended: its outcome is not known yet.
        assertThat(claimDeliveryOfMine(t0.plus(LEASE).plusSeconds(1))).isEmpty();
        assertThat(store.find(job.id(), t0).flatMap(Job::callback)).contains(CallbackState.pending());
    }

    @Test
    void given_a_job_with_callback_when_it_completes_then_its_delivery_is_due_at_once_with_the_completed_job() {
        Instant completedAt = t0.plusSeconds(2);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);

        ClaimedDelivery claimed = claimDeliveryOfMine(completedAt).orElseThrow();

        assertThat(claimed.job()).isEqualTo(job);
        assertThat(claimed.job().callback()).contains(CallbackState.pending());
        assertThat(claimed.claim().jobId()).isEqualTo(job.id());
        assertThat(claimed.claim().token()).isNotBlank();
        assertThat(claimed.claim().leaseUntil()).isEqualTo(completedAt.plus(LEASE));
    }

    @Test
    void given_a_job_with_callback_when_its_worker_fails_it_then_its_delivery_is_due_at_once_with_the_error() {
        Instant failedAt = t0.plusSeconds(2);
        Job job = failed(mine().withCallbackUrl(CALLBACK_URL).build(), "The query failed.", failedAt);

        ClaimedDelivery claimed = claimDeliveryOfMine(failedAt).orElseThrow();

        assertThat(claimed.job()).isEqualTo(job);
        assertThat(claimed.job().error()).contains("The query failed.");
    }

    @Test
    void given_a_job_with_callback_that_ran_out_of_attempts_when_the_queue_fails_it_then_its_delivery_is_due() {
        Job job = mine().withCallbackUrl(CALLBACK_URL).build();
        store.insert(job);
        Duration step = LEASE.plusSeconds(1);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            claimMine(t0.plus(step.multipliedBy(attempt - 1))).orElseThrow();
        }
        Instant exhausted = t0.plus(step.multipliedBy(MAX_ATTEMPTS));
        assertThat(claimDeliveryOfMine(exhausted)).as("still running, lease lapsed").isEmpty();

        assertThat(claimMine(exhausted)).isEmpty();

        ClaimedDelivery claimed = claimDeliveryOfMine(exhausted).orElseThrow();
        assertThat(claimed.job().id()).isEqualTo(job.id());
        assertThat(claimed.job().state()).isEqualTo(JobState.FAILED);
        assertThat(claimed.job().error()).hasValueSatisfying(error ->
                assertThat(error).containsIgnoringCase("execution was interrupted"));
        assertThat(claimed.job().callback()).contains(CallbackState.pending());
    }

    @Test
    void given_a_recorded_retry_when_claimed_just_before_and_at_its_instant_then_it_is_due_only_at_it() {
        Instant completedAt = t0.plusSeconds(1);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);
        DeliveryClaim first = claimDeliveryOfMine(completedAt).orElseThrow().claim();
        // Due before the first claim's lease would have lapsed: recording the attempt ends the claim.
        Instant next = completedAt.plusSeconds(10).plusNanos(1_500);
        CallbackState retry = CallbackState.pending().retryAt(Optional.of(503), next);
        assertThat(store.recordDelivery(first, retry)).isTrue();

        assertThat(claimDeliveryOfMine(next.minusNanos(1))).isEmpty();
        ClaimedDelivery again = claimDeliveryOfMine(next).orElseThrow();

        assertThat(again.job()).isEqualTo(job.withCallback(retry));
        assertThat(again.job().callback()).hasValueSatisfying(state -> {
            assertThat(state.attempts()).isEqualTo(1);
            assertThat(state.lastStatusCode()).contains(503);
            assertThat(state.nextAttemptAt()).contains(next);
        });
        assertThat(again.claim().token()).isNotEqualTo(first.token());
    }

    @Test
    void given_deliveries_that_were_delivered_or_given_up_when_claimed_later_then_neither_comes_up_again() {
        Instant completedAt = t0.plusSeconds(1);
        Job delivered = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);
        Job givenUp = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);
        DeliveryClaim one = claimDeliveryOfMine(completedAt).orElseThrow().claim();
        DeliveryClaim other = claimDeliveryOfMine(completedAt).orElseThrow().claim();
        DeliveryClaim deliveredClaim = one.jobId().equals(delivered.id()) ? one : other;
        DeliveryClaim givenUpClaim = one.jobId().equals(delivered.id()) ? other : one;

        assertThat(store.recordDelivery(deliveredClaim, CallbackState.pending().delivered(204))).isTrue();
        assertThat(store.recordDelivery(givenUpClaim, CallbackState.pending().givenUp(Optional.of(410)))).isTrue();

        assertThat(claimDeliveryOfMine(completedAt)).isEmpty();
        assertThat(claimDeliveryOfMine(completedAt.plus(LEASE).plus(Duration.ofHours(1)))).isEmpty();
        assertThat(store.find(delivered.id(), completedAt))
                .contains(delivered.withCallback(CallbackState.pending().delivered(204)));
        assertThat(store.find(givenUp.id(), completedAt))
                .contains(givenUp.withCallback(CallbackState.pending().givenUp(Optional.of(410))));
    }

    @Test
    void given_an_ended_job_with_a_pending_delivery_when_its_retention_is_over_then_the_delivery_is_not_due() {
        Instant completedAt = t0.plusSeconds(1);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).withRetention(Duration.ofHours(1)).build(), completedAt);
        Instant expiry = t0.plus(Duration.ofHours(1));

        assertThat(claimDeliveryOfMine(expiry)).isEmpty();
        assertThat(claimDeliveryOfMine(expiry.plus(Duration.ofHours(1)))).isEmpty();

        assertThat(claimDeliveryOfMine(expiry.minusMillis(1)).map(claimed -> claimed.job().id())).contains(job.id());
    }

    @Test
    void given_two_ended_jobs_when_deliveries_are_claimed_then_the_oldest_job_comes_first_whatever_order_they_ended_in() {
        Job newer = completed(mine().withCallbackUrl(CALLBACK_URL).createdAt(t0.plusSeconds(5)).build(), t0.plusSeconds(6));
        Job older = failed(mine().withCallbackUrl(CALLBACK_URL).createdAt(t0).build(), "The query failed.", t0.plusSeconds(7));
        Instant now = t0.plusSeconds(8);

        assertThat(claimDeliveryOfMine(now).map(ClaimedDelivery::job)).contains(older);
        assertThat(claimDeliveryOfMine(now).map(ClaimedDelivery::job)).contains(newer);
        assertThat(claimDeliveryOfMine(now)).isEmpty();
    }
}
