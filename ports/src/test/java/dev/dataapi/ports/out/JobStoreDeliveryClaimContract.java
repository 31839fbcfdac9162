package dev.dataapi.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link JobStoreContractTest} about delivery claims: a claimed delivery is held by
 * one sender until its lease lapses (a sender that crashed mid-attempt), then handed out again for
 * the same job; only the current claim may record an attempt, which stores the new callback state
 * and ends the claim; concurrent senders each get a delivery exactly once.
 */
public abstract class JobStoreDeliveryClaimContract extends JobStoreDeliveryContract {
    private static final String CALLBACK_URL = "https://hooks.example.com/data-api";
    private static final int CONCURRENT_DELIVERIES = 200;
    private static final int CONCURRENT_SENDERS = 8;

    @Test
    void given_a_claimed_delivery_when_claimed_while_the_lease_holds_then_nothing_comes_up_and_once_it_lapses_the_same_job_does() {
        Instant completedAt = t0.plusSeconds(1);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);
        ClaimedDelivery first = claimDeliveryOfMine(completedAt).orElseThrow();

        assertThat(claimDeliveryOfMine(completedAt)).isEmpty();
        assertThat(claimDeliveryOfMine(first.claim().leaseUntil().minusMillis(1))).isEmpty();
        ClaimedDelivery again = claimDeliveryOfMine(first.claim().leaseUntil()).orElseThrow();

        assertThat(again.job()).isEqualTo(job).isEqualTo(first.job());
        assertThat(again.claim().jobId()).isEqualTo(job.id());
        assertThat(again.claim().token()).isNotEqualTo(first.claim().token());
        assertThat(again.claim().leaseUntil()).isEqualTo(first.claim().leaseUntil().plus(LEASE));
        assertThat(store.find(job.id(), completedAt)).contains(job);
    }

    @Test
    void given_a_delivery_claimed_again_after_its_lease_lapsed_when_the_old_holder_records_then_it_is_rejected_and_changes_nothing() {
        Instant completedAt = t0.plusSeconds(1);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);
        DeliveryClaim stale = claimDeliveryOfMine(completedAt).orElseThrow().claim();
        DeliveryClaim current = claimDeliveryOfMine(stale.leaseUntil().plusSeconds(1)).orElseThrow().claim();

        assertThat(store.recordDelivery(stale, CallbackState.pending().delivered(200))).isFalse();
        assertThat(store.recordDelivery(new DeliveryClaim(job.id(), "made-up-token", stale.leaseUntil()),
                CallbackState.pending().givenUp(Optional.of(410)))).isFalse();
        assertThat(store.recordDelivery(new DeliveryClaim(JobId.generate(t0), current.token(), stale.leaseUntil()),
                CallbackState.pending().givenUp(Optional.of(410)))).isFalse();

        assertThat(store.find(job.id(), completedAt)).contains(job);
        assertThat(claimDeliveryOfMine(current.leaseUntil().minusMillis(1))).as("the current claim still holds").isEmpty();
        assertThat(store.recordDelivery(current, CallbackState.pending().delivered(200))).isTrue();
        assertThat(store.find(job.id(), completedAt)).contains(job.withCallback(CallbackState.pending().delivered(200)));
    }

    @Test
    void given_the_current_claim_when_a_failed_attempt_is_recorded_then_find_shows_the_new_state_and_the_claim_is_ended() {
        Instant completedAt = t0.plusSeconds(1);
        Job job = completed(mine().withCallbackUrl(CALLBACK_URL).build(), completedAt);
        DeliveryClaim claim = claimDeliveryOfMine(completedAt).orElseThrow().claim();
        // No status code: the receiver never answered (connection refused, timeout).
        CallbackState retry = CallbackState.pending().retryAt(Optional.empty(), completedAt.plus(Duration.ofHours(1)));

        assertThat(store.recordDelivery(claim, retry)).isTrue();

        Job recorded = job.withCallback(retry);
        assertThat(store.find(job.id(), completedAt)).contains(recorded);
        assertThat(store.recordDelivery(claim, CallbackState.pending().delivered(200))).isFalse();
        assertThat(store.find(job.id(), completedAt)).contains(recorded);
        assertThat(claimDeliveryOfMine(claim.leaseUntil().plusSeconds(1))).as("the retry is not due yet").isEmpty();
    }

    @Test
    void given_two_hundred_due_deliveries_when_eight_senders_claim_until_none_is_left_then_each_is_claimed_and_recorded_once()
            throws Exception {
        List<JobId> ids = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_DELIVERIES; i++) {
            ids.add(completed(mine().withCallbackUrl(CALLBACK_URL).createdAt(t0.plusMillis(i)).build(), t0.plusSeconds(1)).id());
        }
        Instant now = t0.plusSeconds(2);
        Map<JobId, AtomicInteger> claims = new ConcurrentHashMap<>();
        AtomicInteger rejectedRecords = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_SENDERS);
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < CONCURRENT_SENDERS; s++) {
                senders.add(threads.submit(() -> {
                    start.await();
                    claimAndRecordUntilEmpty(now, claims, rejectedRecords);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> sender : senders) {
                sender.get(5, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(claims.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        assertThat(rejectedRecords.get()).isZero();
        for (JobId id : ids) {
            assertThat(store.find(id, now).flatMap(Job::callback).map(CallbackState::status)).as("job %s", id)
                    .contains(CallbackStatus.DELIVERED);
        }
    }

    private void claimAndRecordUntilEmpty(Instant now, Map<JobId, AtomicInteger> claims, AtomicInteger rejected) {
        while (true) {
            Optional<ClaimedDelivery> next = store.claimDelivery(now, LEASE);
            if (next.isEmpty()) {
                return;
            }
            if (!isMine(next.get())) {
                continue;
            }
            DeliveryClaim claim = next.get().claim();
            claims.computeIfAbsent(claim.jobId(), id -> new AtomicInteger()).incrementAndGet();
            if (!store.recordDelivery(claim, next.get().job().callback().orElseThrow().delivered(200))) {
                rejected.incrementAndGet();
            }
        }
    }
}
