package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.jobs.StoreSupport.MAX_ATTEMPTS;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Instants finer than the millisecond a BSON date holds: jobs read back exactly, and leases and
 * retention end exactly at their instant. Each test has a database of its own, so the queue holds
 * only its jobs.
 */
class MongoJobStorePrecisionTest {
    private static final Instant T0 = Instant.parse("2026-04-11T10:30:00.123456789Z");

    private TestMongo mongo;
    private MongoJobStore store;

    @BeforeEach
    void startMongo() {
        mongo = TestMongo.start();
        store = new MongoJobStore(mongo.database());
        store.createIndexes();
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void given_a_job_created_at_a_nanosecond_instant_when_found_then_its_instants_are_exact() {
        Job job = aJob().createdAt(T0).withRetention(Duration.ofHours(1).plusNanos(1)).build();

        store.insert(job);

        assertThat(store.find(job.id(), T0)).contains(job);
    }

    @Test
    void given_a_lease_ending_inside_a_millisecond_when_claimed_one_nanosecond_before_and_at_its_end_then_only_the_end_frees_it() {
        Job job = aJob().createdAt(T0).build();
        store.insert(job);
        JobClaim first = store.claimNext(T0, LEASE, MAX_ATTEMPTS).orElseThrow().claim();
        assertThat(first.leaseUntil()).isEqualTo(T0.plus(LEASE));

        assertThat(store.claimNext(first.leaseUntil().minusNanos(1), LEASE, MAX_ATTEMPTS)).isEmpty();
        Optional<ClaimedJob> second = store.claimNext(first.leaseUntil(), LEASE, MAX_ATTEMPTS);

        assertThat(second).hasValueSatisfying(claimed -> assertThat(claimed.claim().attempt()).isEqualTo(2));
    }

    @Test
    void given_a_queued_job_whose_retention_ended_when_claimed_then_it_is_not_run() {
        Job job = aJob().createdAt(T0).withRetention(Duration.ofMinutes(5)).build();
        Job twin = aJob().createdAt(T0).withRetention(Duration.ofMinutes(5)).build();
        store.insert(job);
        Instant expiry = T0.plus(Duration.ofMinutes(5));

        assertThat(store.claimNext(expiry.minusNanos(1), LEASE, MAX_ATTEMPTS)).hasValueSatisfying(claimed ->
                assertThat(claimed.job().id()).isEqualTo(job.id()));
        store.insert(twin);
        assertThat(store.claimNext(expiry, LEASE, MAX_ATTEMPTS)).isEmpty();
        assertThat(store.find(twin.id(), expiry)).isEmpty();
    }

    @Test
    void given_a_queued_job_whose_retention_ends_inside_a_millisecond_when_counted_then_it_counts_until_exactly_that_instant() {
        Job job = aJob().createdAt(T0).withRetention(Duration.ofMinutes(5)).build();
        store.insert(job);
        Instant expiry = T0.plus(Duration.ofMinutes(5));

        assertThat(store.countQueued(expiry.minusNanos(1))).isEqualTo(1);
        assertThat(store.countQueued(expiry)).isZero();
        assertThat(store.countQueued(job.company(), expiry.minusNanos(1))).isEqualTo(1);
        assertThat(store.countQueued(job.company(), expiry)).isZero();
    }

    @Test
    void given_two_jobs_created_within_one_millisecond_when_claimed_then_the_earlier_comes_first() {
        Job later = aJob().createdAt(T0.plusNanos(500)).build();
        Job earlier = aJob().createdAt(T0).build();
        store.insert(later);
        store.insert(earlier);

        assertThat(store.claimNext(T0.plusSeconds(1), LEASE, MAX_ATTEMPTS).orElseThrow().job().id()).isEqualTo(earlier.id());
        assertThat(store.claimNext(T0.plusSeconds(1), LEASE, MAX_ATTEMPTS).orElseThrow().job().id()).isEqualTo(later.id());
    }

    @Test
    void given_a_queued_job_already_started_as_often_as_now_allowed_when_claimed_then_it_fails_instead_of_waiting_forever() {
        Job submitted = aJob().createdAt(T0).build();
        Job startedTwice = new Job(submitted.id(), submitted.company(), submitted.endpoint(), submitted.apiKeyId(),
                submitted.shareContext(), submitted.query(), submitted.callbackUrl(), JobState.QUEUED, 2,
                submitted.createdAt(), Optional.empty(), Optional.empty(), Optional.empty(), submitted.expiresAt(),
                submitted.callback());
        store.insert(startedTwice);
        Instant now = T0.plusSeconds(1);

        assertThat(store.claimNext(now, LEASE, 2)).isEmpty();

        Job failed = store.find(submitted.id(), now).orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.error()).contains(MongoJobStore.INTERRUPTED);
        assertThat(failed.completedAt()).contains(now);
    }
}
