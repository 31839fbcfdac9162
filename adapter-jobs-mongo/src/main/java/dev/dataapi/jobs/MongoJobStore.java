package dev.dataapi.jobs;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.out.ClaimedDelivery;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.DeliveryClaim;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import dev.dataapi.ports.out.JobStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.conversions.Bson;

/**
 * The job store and work queue on MongoDB, shared by every instance of the service that points at
 * the same database. Jobs live in {@value #JOBS} (the {@code _id} is the job id's ObjectId);
 * result rows in chunk documents in {@value #RESULTS}, so a result of any width stays below
 * MongoDB's 16 MB document limit. Claims are single {@code findOneAndUpdate} calls, and every
 * change to a claimed job is fenced by the claim's token; webhook deliveries are claimed and
 * recorded the same way, in each job's {@code callback} sub-document. Uses only single-document atomic
 * operations, so it runs on a standalone server, a replica set and mongo-java-server alike.
 * Thread-safe; the application owns and closes the {@code MongoClient}.
 */
public final class MongoJobStore implements JobStore {
    static final String JOBS = "jobs";
    static final String RESULTS = "job_results";
    static final String INTERRUPTED = "execution was interrupted";

    private static final System.Logger LOG = System.getLogger(MongoJobStore.class.getName());
    private static final FindOneAndUpdateOptions CLAIM = new FindOneAndUpdateOptions()
            .sort(ClaimQueries.oldestFirst()).returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<BsonDocument> jobs;
    private final MongoCollection<BsonDocument> chunks;
    private final ChunkLimits limits;
    private final Clock clock;
    private final ExhaustedJobSweep sweep;
    private final ExpiredJobSweep expiry;

    /** A store on {@code database}'s {@value #JOBS} and {@value #RESULTS} collections. */
    public MongoJobStore(MongoDatabase database) {
        this(database, ChunkLimits.DEFAULT, Clock.systemUTC());
    }

    /** With other chunk limits (tests), and the clock that dates a job failed for an oversized row. */
    MongoJobStore(MongoDatabase database, ChunkLimits limits, Clock clock) {
        Objects.requireNonNull(database, "'database' is required");
        this.jobs = database.getCollection(JOBS, BsonDocument.class);
        this.chunks = database.getCollection(RESULTS, BsonDocument.class);
        this.limits = Objects.requireNonNull(limits, "'limits' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
        this.sweep = new ExhaustedJobSweep(jobs);
        this.expiry = new ExpiredJobSweep(jobs, chunks);
    }

    /**
     * Creates the indexes the store relies on, where they are missing: the job claim index, the
     * queue depth index, the webhook delivery claim index, the result chunk index, and TTL indexes
     * that delete expired jobs and chunks. Also gives jobs stored before webhook deliveries were
     * tracked (a callback URL without callback state) a pending delivery, so a sender picks them up.
     * Safe to call at every start.
     */
    public void createIndexes() {
        JobIndexes.create(jobs, chunks);
        MongoCalls.run("give older jobs with a callback their delivery state", () -> jobs.updateMany(
                Filters.and(Filters.exists(JobDocuments.CALLBACK_URL), Filters.exists(CallbackDocuments.CALLBACK, false)),
                Updates.set(CallbackDocuments.CALLBACK, CallbackDocuments.toDocument(CallbackState.pending()))));
    }

    @Override
    public void insert(Job job) {
        Objects.requireNonNull(job, "'job' is required");
        BsonDocument document = JobDocuments.toDocument(job);
        MongoCalls.run("insert job " + job.id(), () -> jobs.insertOne(document));
    }

    @Override
    public Optional<Job> find(JobId id, Instant now) {
        Objects.requireNonNull(id, "'id' is required");
        Objects.requireNonNull(now, "'now' is required");
        BsonDocument document = MongoCalls.call("read job " + id,
                () -> jobs.find(Filters.eq(JobDocuments.ID, JobDocuments.id(id))).first());
        if (document == null) {
            return Optional.empty();
        }
        // The TTL monitor deletes expired jobs only about once a minute.
        Job job = decode(id, document);
        return job.isExpiredAt(now) ? Optional.empty() : Optional.of(job);
    }

    @Override
    public Optional<ClaimedJob> claimNext(Instant now, Duration lease, int maxAttempts, Set<CompanyId> skipped) {
        Objects.requireNonNull(now, "'now' is required");
        requirePositive(lease);
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("'maxAttempts' must be positive");
        }
        Set<CompanyId> passedOver = requireCompanies(skipped);
        sweep.runIfDue(now, maxAttempts, passedOver);
        expiry.runIfDue(now);
        String token = UUID.randomUUID().toString();
        Instant leaseUntil = now.plus(lease);
        BsonDocument claimed = MongoCalls.call("claim a job", () -> jobs.findOneAndUpdate(
                ClaimQueries.claimable(now, maxAttempts, passedOver), ClaimQueries.claim(token, leaseUntil), CLAIM));
        if (claimed == null) {
            return Optional.empty();
        }
        Job job = decode(null, claimed);
        return Optional.of(new ClaimedJob(job, new JobClaim(job.id(), token, job.attempts(), leaseUntil)));
    }

    /**
     * Counts with {@code countDocuments}, which matches the filter exactly (through the
     * {@link JobIndexes#QUEUED} index); the estimated count is the size of the whole collection,
     * completed and failed jobs included.
     */
    @Override
    public long countQueued(Instant now) {
        Objects.requireNonNull(now, "'now' is required");
        return MongoCalls.call("count the queued jobs", () -> jobs.countDocuments(ClaimQueries.queued(now)));
    }

    /** Counts through the {@link JobIndexes#QUEUED_BY_COMPANY} index, like {@link #countQueued(Instant)}. */
    @Override
    public long countQueued(CompanyId company, Instant now) {
        Objects.requireNonNull(company, "'company' is required");
        Objects.requireNonNull(now, "'now' is required");
        return MongoCalls.call("count the company's queued jobs",
                () -> jobs.countDocuments(ClaimQueries.queued(company, now)));
    }

    /**
     * Deletes the jobs and result chunks whose retention ended at or before {@code now}. Claims do
     * this once a minute, so that a server without TTL indexes (the embedded one) does not keep them
     * forever; MongoDB's TTL indexes do it too.
     *
     * @param now the current time
     * @return how many jobs were deleted
     */
    public long deleteExpired(Instant now) {
        return expiry.run(Objects.requireNonNull(now, "'now' is required"));
    }

    @Override
    public boolean renew(JobClaim claim, Instant now, Duration lease) {
        Objects.requireNonNull(claim, "'claim' is required");
        Objects.requireNonNull(now, "'now' is required");
        requirePositive(lease);
        return updateCurrent("renew the lease on job", claim, () -> ClaimQueries.renew(now.plus(lease)));
    }

    @Override
    public JobResultWriter resultWriter(JobClaim claim) {
        return new MongoJobResultWriter(jobs, chunks, Objects.requireNonNull(claim, "'claim' is required"), limits, clock);
    }

    @Override
    public boolean complete(JobClaim claim, JobResultWriter rows, ResultSummary summary, Instant now) {
        Objects.requireNonNull(claim, "'claim' is required");
        Objects.requireNonNull(summary, "'summary' is required");
        Objects.requireNonNull(now, "'now' is required");
        if (!(rows instanceof MongoJobResultWriter) || !((MongoJobResultWriter) rows).writesFor(claim)) {
            throw new IllegalArgumentException("'rows' must be the writer this store made for the same claim");
        }
        MongoJobResultWriter writer = (MongoJobResultWriter) rows;
        if (!writer.flush()) {
            return false;
        }
        boolean completed = updateCurrent("complete job", claim, () -> Updates.combine(
                Updates.set(JobDocuments.STATE, JobState.COMPLETED.name()),
                Updates.set(JobDocuments.RESULT, JobDocuments.result(summary, writer.chunksWritten(), claim.token())),
                PreciseInstants.set(JobDocuments.COMPLETED_AT, now),
                PreciseInstants.unset(JobDocuments.LEASE_UNTIL)));
        if (completed) {
            writer.completed();
            if (claim.attempt() > 1) {
                // Only a job that was started before can have rows of an interrupted attempt.
                discardOtherClaimsChunks(claim);
            }
        }
        return completed;
    }

    @Override
    public boolean fail(JobClaim claim, String error, Instant now) {
        Objects.requireNonNull(claim, "'claim' is required");
        Names.requireText("error", error);
        Objects.requireNonNull(now, "'now' is required");
        return updateCurrent("fail job", claim, () -> ClaimQueries.fail(error, now));
    }

    @Override
    public boolean release(JobClaim claim) {
        Objects.requireNonNull(claim, "'claim' is required");
        return updateCurrent("release job", claim, ClaimQueries::release);
    }

    @Override
    public void readResult(JobId id, ResultSink sink) {
        Objects.requireNonNull(id, "'id' is required");
        Objects.requireNonNull(sink, "'sink' is required");
        BsonDocument document = MongoCalls.call("read job " + id,
                () -> jobs.find(Filters.eq(JobDocuments.ID, JobDocuments.id(id))).first());
        if (document == null) {
            throw new JobStoreException("job " + id + " has no stored result");
        }
        StoredResult result = decode(id, () -> StoredResult.of(document))
                .orElseThrow(() -> new JobStoreException("job " + id + " has no stored result"));
        sink.columns(result.summary().columns());
        ResultChunks.read(chunks, id, result.claimToken(), result.chunks(), sink);
    }

    @Override
    public Optional<ClaimedDelivery> claimDelivery(Instant now, Duration lease) {
        Objects.requireNonNull(now, "'now' is required");
        requirePositive(lease);
        String token = UUID.randomUUID().toString();
        Instant leaseUntil = now.plus(lease);
        BsonDocument claimed = MongoCalls.call("claim a webhook delivery", () -> jobs.findOneAndUpdate(
                DeliveryQueries.due(now), DeliveryQueries.claim(token, leaseUntil), CLAIM));
        if (claimed == null) {
            return Optional.empty();
        }
        Job job = decode(null, claimed);
        return Optional.of(new ClaimedDelivery(job, new DeliveryClaim(job.id(), token, leaseUntil)));
    }

    @Override
    public boolean recordDelivery(DeliveryClaim claim, CallbackState next) {
        Objects.requireNonNull(claim, "'claim' is required");
        Objects.requireNonNull(next, "'next' is required");
        boolean recorded = MongoCalls.call("record the webhook delivery of job " + claim.jobId(), () -> jobs.updateOne(
                DeliveryQueries.current(claim), DeliveryQueries.record(next)).getMatchedCount() == 1);
        if (recorded && next.nextAttemptAt().isPresent()) {
            keepUntil(claim.jobId(), next.nextAttemptAt().get().plus(Job.KEPT_AFTER_NEXT_DELIVERY));
        }
        return recorded;
    }

    /**
     * Extends a job's expiry (and its result chunks') to {@code until} when it would end sooner, so a
     * late webhook retry still finds the job. Only the delivery's claim holder calls this.
     */
    private void keepUntil(JobId id, Instant until) {
        MongoCalls.run("keep job " + id + " for its next webhook attempt", () -> {
            BsonDocument document = jobs.find(Filters.eq(JobDocuments.ID, JobDocuments.id(id))).first();
            if (document == null || !PreciseInstants.require(document, JobDocuments.EXPIRES_AT).isBefore(until)) {
                return;
            }
            jobs.updateOne(Filters.eq(JobDocuments.ID, JobDocuments.id(id)), PreciseInstants.set(JobDocuments.EXPIRES_AT, until));
            chunks.updateMany(Filters.eq(ResultChunks.JOB_ID, JobDocuments.id(id)),
                    Updates.set(ResultChunks.EXPIRES_AT, new BsonDateTime(until.toEpochMilli())));
        });
    }

    private boolean updateCurrent(String operation, JobClaim claim, Supplier<Bson> update) {
        return MongoCalls.call(operation + " " + claim.jobId(),
                () -> jobs.updateOne(ClaimQueries.current(claim), update.get()).getMatchedCount() == 1);
    }

    private void discardOtherClaimsChunks(JobClaim claim) {
        try {
            MongoCalls.run("discard stale result chunks of job " + claim.jobId(),
                    () -> chunks.deleteMany(ResultChunks.ofOtherClaims(claim.jobId(), claim.token())));
        } catch (JobStoreException e) {
            // Rows of interrupted attempts are never read and expire with the job.
            LOG.log(Level.WARNING, e.getMessage(), e);
        }
    }

    private static Job decode(JobId id, BsonDocument document) {
        return decode(id, () -> JobDocuments.toJob(document));
    }

    /**
     * Reading a stored document fails with whatever the BSON accessors or the domain records
     * throw; all of it means the same thing to a caller: the stored job cannot be read.
     */
    private static <T> T decode(JobId id, Supplier<T> read) {
        try {
            return read.get();
        } catch (JobStoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new JobStoreException("stored job " + (id == null ? "" : id + " ") + "cannot be read", e);
        }
    }

    private static Set<CompanyId> requireCompanies(Set<CompanyId> skipped) {
        Objects.requireNonNull(skipped, "'skipped' is required");
        for (CompanyId company : skipped) {
            Objects.requireNonNull(company, "'skipped' must not contain null");
        }
        return skipped;
    }

    private static void requirePositive(Duration lease) {
        Objects.requireNonNull(lease, "'lease' is required");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("'lease' must be positive, got " + lease);
        }
    }
}
