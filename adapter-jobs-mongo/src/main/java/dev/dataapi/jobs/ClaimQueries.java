package dev.dataapi.jobs;

import static dev.dataapi.jobs.JobDocuments.ATTEMPTS;
import static dev.dataapi.jobs.JobDocuments.CLAIM_TOKEN;
import static dev.dataapi.jobs.JobDocuments.COMPANY;
import static dev.dataapi.jobs.JobDocuments.COMPLETED_AT;
import static dev.dataapi.jobs.JobDocuments.CREATED_AT;
import static dev.dataapi.jobs.JobDocuments.ERROR;
import static dev.dataapi.jobs.JobDocuments.EXPIRES_AT;
import static dev.dataapi.jobs.JobDocuments.ID;
import static dev.dataapi.jobs.JobDocuments.LEASE_UNTIL;
import static dev.dataapi.jobs.JobDocuments.STATE;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.out.JobClaim;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;

/**
 * The filters and updates of the work queue. Every change to a claimed job is filtered on the
 * job's id, state RUNNING and the claim's token, so a worker whose lease lapsed and whose job was
 * claimed again changes nothing (fencing); MongoDB applies each filter and update atomically per
 * document.
 */
final class ClaimQueries {

    private ClaimQueries() {
    }

    /** The job held by {@code claim}, while that claim is current. */
    static Bson current(JobClaim claim) {
        return Filters.and(Filters.eq(ID, JobDocuments.id(claim.jobId())), Filters.eq(STATE, JobState.RUNNING.name()),
                Filters.eq(CLAIM_TOKEN, claim.token()));
    }

    /**
     * Jobs a worker may start now: queued, or running with a lapsed lease; not expired; attempts
     * left; not of a {@code skipped} company.
     */
    static Bson claimable(Instant now, int maxAttempts, Set<CompanyId> skipped) {
        return excludingCompanies(skipped, waitingForWorker(now), Filters.lt(ATTEMPTS, maxAttempts),
                PreciseInstants.after(EXPIRES_AT, now));
    }

    /**
     * Jobs waiting for a worker that have been started {@code maxAttempts} times already, except
     * those of a {@code skipped} company, which a claim must leave alone. The filter is itself the
     * fence: a job whose worker renewed its lease in the meantime no longer matches when the update
     * is applied.
     */
    static Bson exhausted(Instant now, int maxAttempts, Set<CompanyId> skipped) {
        return excludingCompanies(skipped, waitingForWorker(now), Filters.gte(ATTEMPTS, maxAttempts));
    }

    /**
     * Jobs waiting for their first or next attempt and not expired at {@code now}; a running job
     * whose lease lapsed is not among them. Both fields are keys of the {@link JobIndexes#QUEUED}
     * index, so counting them reads that index only.
     */
    static Bson queued(Instant now) {
        return Filters.and(Filters.eq(STATE, JobState.QUEUED.name()), PreciseInstants.after(EXPIRES_AT, now));
    }

    /** {@code company}'s part of {@link #queued(Instant)}. */
    static Bson queued(CompanyId company, Instant now) {
        return Filters.and(Filters.eq(COMPANY, company.value()), queued(now));
    }

    /** Oldest first; the id breaks ties between jobs created in the same instant. */
    static Bson oldestFirst() {
        return Sorts.ascending(CREATED_AT, PreciseInstants.nanosField(CREATED_AT), ID);
    }

    static Bson claim(String token, Instant leaseUntil) {
        return Updates.combine(Updates.set(STATE, JobState.RUNNING.name()), Updates.inc(ATTEMPTS, 1),
                Updates.set(CLAIM_TOKEN, token), PreciseInstants.set(LEASE_UNTIL, leaseUntil));
    }

    static Bson renew(Instant leaseUntil) {
        return PreciseInstants.set(LEASE_UNTIL, leaseUntil);
    }

    /** Back to the queue without counting the attempt; the old claim no longer holds it. */
    static Bson release() {
        return Updates.combine(Updates.set(STATE, JobState.QUEUED.name()), Updates.inc(ATTEMPTS, -1),
                Updates.unset(CLAIM_TOKEN), PreciseInstants.unset(LEASE_UNTIL));
    }

    static Bson fail(String error, Instant now) {
        return Updates.combine(Updates.set(STATE, JobState.FAILED.name()), Updates.set(ERROR, error),
                PreciseInstants.set(COMPLETED_AT, now), PreciseInstants.unset(LEASE_UNTIL));
    }

    /** All of {@code conditions}, and a company other than the {@code skipped} ones when there are any. */
    private static Bson excludingCompanies(Set<CompanyId> skipped, Bson... conditions) {
        List<Bson> all = new ArrayList<>(List.of(conditions));
        if (!skipped.isEmpty()) {
            List<String> companies = new ArrayList<>();
            for (CompanyId company : skipped) {
                companies.add(company.value());
            }
            all.add(Filters.nin(COMPANY, companies));
        }
        return Filters.and(all);
    }

    private static Bson waitingForWorker(Instant now) {
        return Filters.or(Filters.eq(STATE, JobState.QUEUED.name()),
                Filters.and(Filters.eq(STATE, JobState.RUNNING.name()), PreciseInstants.atOrBefore(LEASE_UNTIL, now)));
    }
}
