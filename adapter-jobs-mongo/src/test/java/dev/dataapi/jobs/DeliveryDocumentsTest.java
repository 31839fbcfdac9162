package dev.dataapi.jobs;

import static dev.dataapi.jobs.StoreSupport.LEASE;
import static dev.dataapi.jobs.StoreSupport.insertAndClaim;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.out.DeliveryClaim;
import dev.dataapi.ports.out.JobClaim;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the delivery queue writes into a job document: the {@code callback} sub-document at each
 * step, read raw from the collection. Each test has a database of its own.
 */
class DeliveryDocumentsTest {
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
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
    void given_jobs_with_and_without_callback_when_inserted_then_only_the_first_has_a_pending_callback_sub_document() {
        Job withCallback = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/x").build();
        Job without = aJob().createdAt(t0).build();

        store.insert(withCallback);
        store.insert(without);

        assertThat(stored(withCallback.id()).getDocument("callback"))
                .isEqualTo(new BsonDocument("status", new BsonString("PENDING")).append("attempts", new BsonInt32(0)));
        assertThat(stored(without.id()).containsKey("callback")).isFalse();
    }

    @Test
    void given_a_job_with_callback_when_it_completes_then_its_callback_sub_document_is_not_touched() {
        Job job = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/x").build();
        JobClaim claim = insertAndClaim(store, job, t0);
        BsonDocument before = stored(job.id()).getDocument("callback");

        assertThat(store.fail(claim, "The query failed.", t0.plusSeconds(1))).isTrue();

        assertThat(stored(job.id()).getDocument("callback")).isEqualTo(before);
    }

    @Test
    void given_a_due_delivery_when_claimed_then_the_callback_carries_the_claims_token_and_its_lease_to_the_nanosecond() {
        Job job = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/x").build();
        store.fail(insertAndClaim(store, job, t0), "The query failed.", t0);
        Instant now = t0.plusSeconds(1).plusNanos(456_789);

        DeliveryClaim claim = store.claimDelivery(now, LEASE).orElseThrow().claim();

        BsonDocument callback = stored(job.id()).getDocument("callback");
        assertThat(callback.getString("status").getValue()).isEqualTo("PENDING");
        assertThat(callback.getString("token").getValue()).isEqualTo(claim.token());
        assertThat(callback.get("lease_until")).isEqualTo(new BsonDateTime(now.plus(LEASE).toEpochMilli()));
        assertThat(callback.get("lease_until_ns")).isEqualTo(new BsonInt32(456_789));
    }

    @Test
    void given_a_claimed_delivery_when_a_retry_is_recorded_then_the_sub_document_holds_the_new_state_without_token_or_lease() {
        Job job = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/x").build();
        store.fail(insertAndClaim(store, job, t0), "The query failed.", t0);
        DeliveryClaim claim = store.claimDelivery(t0, LEASE).orElseThrow().claim();
        Instant next = t0.plusSeconds(30).plusNanos(1_500);

        assertThat(store.recordDelivery(claim, CallbackState.pending().retryAt(Optional.of(503), next))).isTrue();

        assertThat(stored(job.id()).getDocument("callback")).isEqualTo(new BsonDocument("status", new BsonString("PENDING"))
                .append("attempts", new BsonInt32(1))
                .append("last_status_code", new BsonInt32(503))
                .append("next_attempt_at", new BsonDateTime(next.toEpochMilli()))
                .append("next_attempt_at_ns", new BsonInt32(1_500)));
    }

    @Test
    void given_a_claimed_delivery_when_it_is_recorded_as_delivered_then_the_sub_document_holds_only_the_final_state() {
        Job job = aJob().createdAt(t0).withCallbackUrl("https://hooks.example.com/x").build();
        store.fail(insertAndClaim(store, job, t0), "The query failed.", t0);
        DeliveryClaim claim = store.claimDelivery(t0, LEASE).orElseThrow().claim();

        assertThat(store.recordDelivery(claim, CallbackState.pending().delivered(204))).isTrue();

        assertThat(stored(job.id()).getDocument("callback")).isEqualTo(new BsonDocument("status", new BsonString("DELIVERED"))
                .append("attempts", new BsonInt32(1))
                .append("last_status_code", new BsonInt32(204)));
    }

    private BsonDocument stored(JobId id) {
        return mongo.database().getCollection(MongoJobStore.JOBS, BsonDocument.class)
                .find(Filters.eq("_id", JobDocuments.id(id))).first();
    }
}
