package dev.dataapi.ports.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The part of the {@link JobStoreContractTest} about the queue as a whole: a claim passes over the
 * jobs of the companies it is told to skip (those at their concurrency cap) without touching them,
 * and {@link JobStore#countQueued} tells how many jobs wait for a worker. Tests that count, or that
 * expect no job at all, first claim what other tests left in a shared store.
 */
public abstract class JobStoreQueueContract extends JobStoreResultContract {
    private static final Duration STEP = LEASE.plusSeconds(1);

    @Test
    void given_the_oldest_job_belongs_to_a_skipped_company_when_claimed_then_another_company_newer_job_comes_up_and_the_oldest_stays_queued() {
        Job older = mine().build();
        Job newer = neighbours().createdAt(t0.plusSeconds(5)).build();
        store.insert(older);
        store.insert(newer);
        Instant now = t0.plusSeconds(10);

        ClaimedJob claimed = claimMine(now, Set.of(myCompany())).orElseThrow();

        assertThat(claimed.job()).isEqualTo(newer.start());
        assertThat(claimed.claim().attempt()).isEqualTo(1);
        assertThat(store.find(older.id(), now)).contains(older);
        assertThat(claimMine(now, Set.of(myCompany()))).isEmpty();
        assertThat(claimMine(now).orElseThrow().job()).isEqualTo(older.start());
    }

    @Test
    void given_a_newer_job_of_a_skipped_company_when_claimed_then_the_older_job_of_another_company_comes_up_and_the_newer_stays_queued() {
        Job older = neighbours().build();
        Job newer = mine().createdAt(t0.plusSeconds(5)).build();
        store.insert(newer);
        store.insert(older);
        Instant now = t0.plusSeconds(10);

        ClaimedJob claimed = claimMine(now, Set.of(myCompany())).orElseThrow();

        assertThat(claimed.job()).isEqualTo(older.start());
        assertThat(claimMine(now, Set.of(myCompany()))).isEmpty();
        assertThat(store.find(newer.id(), now)).contains(newer);
        assertThat(claimMine(now).orElseThrow().job()).isEqualTo(newer.start());
    }

    @Test
    void given_every_company_with_queued_jobs_skipped_when_claimed_then_nothing_comes_up_and_nothing_changes() {
        claimOtherTestsJobs(t0);
        Job mineQueued = mine().build();
        Job neighbourQueued = neighbours().createdAt(t0.minusSeconds(1)).build();
        store.insert(mineQueued);
        store.insert(neighbourQueued);

        assertThat(store.claimNext(t0, LEASE, MAX_ATTEMPTS, Set.of(myCompany(), neighbourCompany()))).isEmpty();

        assertThat(store.find(mineQueued.id(), t0)).contains(mineQueued);
        assertThat(store.find(neighbourQueued.id(), t0)).contains(neighbourQueued);
        assertThat(store.countQueued(t0)).isEqualTo(2);
        assertThat(store.claimNext(t0, LEASE, MAX_ATTEMPTS, Set.of(myCompany())).orElseThrow().job())
                .isEqualTo(neighbourQueued.start());
    }

    @Test
    void given_a_lapsed_lease_of_a_skipped_company_when_claimed_then_the_job_is_not_claimed_again_until_its_company_is_no_longer_skipped() {
        Job job = mine().build();
        store.insert(job);
        JobClaim first = claimMine(t0).orElseThrow().claim();
        Instant lapsed = first.leaseUntil().plusSeconds(1);

        assertThat(claimMine(lapsed, Set.of(myCompany()))).isEmpty();

        assertThat(store.find(job.id(), lapsed)).contains(job.start());
        ClaimedJob again = claimMine(lapsed, Set.of(neighbourCompany())).orElseThrow();
        assertThat(again.claim().attempt()).isEqualTo(2);
        assertThat(again.claim().token()).isNotEqualTo(first.token());
        assertThat(again.job()).isEqualTo(job.start().start());
    }

    @Test
    void given_a_job_of_a_skipped_company_that_ran_out_of_attempts_when_claimed_then_it_is_not_failed_until_its_company_is_no_longer_skipped() {
        Job job = mine().build();
        store.insert(job);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(claimMine(t0.plus(STEP.multipliedBy(attempt - 1))).orElseThrow().claim().attempt()).isEqualTo(attempt);
        }
        Instant exhausted = t0.plus(STEP.multipliedBy(MAX_ATTEMPTS));

        assertThat(claimMine(exhausted, Set.of(myCompany()))).isEmpty();

        Job untouched = store.find(job.id(), exhausted).orElseThrow();
        assertThat(untouched.state()).isEqualTo(JobState.RUNNING);
        assertThat(untouched.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(untouched.error()).isEmpty();
        Instant unskipped = exhausted.plusSeconds(1);
        assertThat(claimMine(unskipped, Set.of(neighbourCompany()))).isEmpty();
        Job failed = store.find(job.id(), unskipped).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> assertThat(error).containsIgnoringCase("execution was interrupted"));
        assertThat(failed.completedAt()).contains(unskipped);
    }

    @Test
    void given_jobs_in_every_state_when_counted_then_only_the_queued_unexpired_ones_count() {
        claimOtherTestsJobs(t0);
        completed(mine().build(), t0);
        failed(mine().build(), "The query failed.", t0);
        store.insert(mine().createdAt(t0.minus(Duration.ofHours(2))).withRetention(Duration.ofHours(1)).build());
        store.insert(mine().createdAt(t0.minus(Duration.ofHours(1))).withRetention(Duration.ofHours(1)).build());
        Job running = mine().build();
        store.insert(running);
        assertThat(claimMine(t0).orElseThrow().job().id()).isEqualTo(running.id());
        store.insert(mine().build());
        store.insert(neighbours().createdAt(t0.minus(Duration.ofHours(1)).plusMillis(1)).withRetention(Duration.ofHours(1)).build());

        assertThat(store.countQueued(t0)).isEqualTo(2);
        assertThat(store.countQueued(t0.plusMillis(1))).isEqualTo(1);
        assertThat(store.countQueued(myCompany(), t0)).isEqualTo(1);
        assertThat(store.countQueued(neighbourCompany(), t0)).isEqualTo(1);
        assertThat(store.countQueued(neighbourCompany(), t0.plusMillis(1))).isZero();
    }

    @Test
    void given_queued_jobs_of_two_companies_when_counted_per_company_then_each_counts_only_its_own_queued_jobs() {
        store.insert(mine().build());
        store.insert(mine().createdAt(t0.plusMillis(1)).build());
        store.insert(neighbours().createdAt(t0.plusMillis(2)).build());

        assertThat(store.countQueued(myCompany(), t0)).isEqualTo(2);
        assertThat(store.countQueued(neighbourCompany(), t0)).isEqualTo(1);
        assertThat(store.countQueued(new CompanyId(myCompany().value() + "-none"), t0)).isZero();

        JobClaim neighbourClaim = claimMine(t0, Set.of(myCompany())).orElseThrow().claim();
        assertThat(store.countQueued(neighbourCompany(), t0)).isZero();
        assertThat(store.countQueued(myCompany(), t0)).isEqualTo(2);
        assertThat(store.release(neighbourClaim)).isTrue();
        assertThat(store.countQueued(neighbourCompany(), t0)).isEqualTo(1);
    }

    @Test
    void given_queued_jobs_when_claimed_released_and_ended_then_the_count_follows() {
        claimOtherTestsJobs(t0);
        Job first = mine().build();
        Job second = neighbours().createdAt(t0.plusMillis(1)).build();
        assertThat(store.countQueued(t0)).isZero();
        store.insert(first);
        store.insert(second);
        assertThat(store.countQueued(t0)).isEqualTo(2);

        JobClaim claim = claimMine(t0).orElseThrow().claim();
        assertThat(store.countQueued(t0)).isEqualTo(1);
        assertThat(store.release(claim)).isTrue();
        assertThat(store.countQueued(t0)).isEqualTo(2);
        JobClaim again = claimMine(t0).orElseThrow().claim();
        assertThat(again.jobId()).isEqualTo(first.id());
        assertThat(store.fail(again, "The query failed.", t0)).isTrue();
        assertThat(store.countQueued(t0)).isEqualTo(1);
        assertThat(claimMine(t0).orElseThrow().claim().jobId()).isEqualTo(second.id());
        assertThat(store.countQueued(t0)).isZero();
    }
}
