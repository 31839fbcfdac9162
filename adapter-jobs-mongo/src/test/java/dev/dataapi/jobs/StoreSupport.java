package dev.dataapi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.RawBsonDocument;
import org.bson.types.ObjectId;

/** Small steps the adapter's own tests share: claiming one particular job, looking at stored chunks. */
final class StoreSupport {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int MAX_ATTEMPTS = 3;

    private StoreSupport() {
    }

    /** Inserts {@code job} and claims it at {@code now}, passing over any other claimable job. */
    static JobClaim insertAndClaim(JobStore store, Job job, Instant now) {
        store.insert(job);
        return claim(store, job.id(), now);
    }

    /** Claims {@code id} at {@code now}; other jobs met on the way stay claimed until their lease lapses. */
    static JobClaim claim(JobStore store, JobId id, Instant now) {
        while (true) {
            Optional<ClaimedJob> claimed = store.claimNext(now, LEASE, MAX_ATTEMPTS);
            assertThat(claimed).as("job %s is claimable at %s", id, now).isPresent();
            if (claimed.get().job().id().equals(id)) {
                return claimed.get().claim();
            }
        }
    }

    /** The stored chunk documents of {@code id}, in the order they were written, as raw bytes. */
    static List<RawBsonDocument> chunksOf(TestMongo mongo, JobId id) {
        MongoCollection<RawBsonDocument> chunks = mongo.database().getCollection(MongoJobStore.RESULTS, RawBsonDocument.class);
        return chunks.find(Filters.eq(ResultChunks.JOB_ID, new ObjectId(id.value())))
                .sort(Sorts.ascending(ResultChunks.CLAIM_TOKEN, ResultChunks.SEQ)).into(new ArrayList<>());
    }

    /** Rows as {@link RecordingSink} keeps them, for comparing what was read with what was written. */
    static List<List<Object>> rowsOf(List<Object[]> rows) {
        List<List<Object>> lists = new ArrayList<>();
        for (Object[] row : rows) {
            lists.add(RecordingSink.comparable(row));
        }
        return lists;
    }
}
