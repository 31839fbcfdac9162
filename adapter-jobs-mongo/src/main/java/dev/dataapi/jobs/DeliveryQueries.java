package dev.dataapi.jobs;

import static dev.dataapi.jobs.CallbackDocuments.LEASE_UNTIL;
import static dev.dataapi.jobs.CallbackDocuments.NEXT_ATTEMPT_AT;
import static dev.dataapi.jobs.CallbackDocuments.STATUS;
import static dev.dataapi.jobs.CallbackDocuments.TOKEN;
import static dev.dataapi.jobs.CallbackDocuments.path;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.out.DeliveryClaim;
import java.time.Instant;
import org.bson.conversions.Bson;

/**
 * The filters and updates of the webhook delivery queue. Completing or failing a job writes
 * nothing here: an ended job whose callback is pending is due by definition, so no crash between
 * ending a job and delivering its outcome can lose the delivery. A sender's claim puts a token
 * and a lease in the job's {@code callback}; recording the attempt is fenced by that token and
 * replaces the whole sub-document, which ends the claim in the same atomic write.
 */
final class DeliveryQueries {

    private DeliveryQueries() {
    }

    /**
     * Deliveries a sender may attempt at {@code now}: the job ended, its callback is pending, its
     * next attempt (if any) is due, no sender holds an unlapsed claim, and the job has not expired.
     */
    static Bson due(Instant now) {
        return Filters.and(
                Filters.eq(path(STATUS), CallbackStatus.PENDING.name()),
                Filters.in(JobDocuments.STATE, JobState.COMPLETED.name(), JobState.FAILED.name()),
                absentOrAtOrBefore(path(NEXT_ATTEMPT_AT), now),
                absentOrAtOrBefore(path(LEASE_UNTIL), now),
                PreciseInstants.after(JobDocuments.EXPIRES_AT, now));
    }

    static Bson claim(String token, Instant leaseUntil) {
        return Updates.combine(Updates.set(path(TOKEN), token), PreciseInstants.set(path(LEASE_UNTIL), leaseUntil));
    }

    /** The job whose delivery {@code claim} holds, while that claim is current. */
    static Bson current(DeliveryClaim claim) {
        return Filters.and(Filters.eq(JobDocuments.ID, JobDocuments.id(claim.jobId())),
                Filters.eq(path(STATUS), CallbackStatus.PENDING.name()), Filters.eq(path(TOKEN), claim.token()));
    }

    /** The attempt's outcome as the new callback state, held by no sender. */
    static Bson record(CallbackState next) {
        return Updates.set(CallbackDocuments.CALLBACK, CallbackDocuments.toDocument(next));
    }

    private static Bson absentOrAtOrBefore(String field, Instant now) {
        return Filters.or(Filters.exists(field, false), PreciseInstants.atOrBefore(field, now));
    }
}
