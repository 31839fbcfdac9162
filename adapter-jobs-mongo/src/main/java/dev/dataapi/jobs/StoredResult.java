package dev.dataapi.jobs;

import dev.dataapi.ports.JobState;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.ResultSummary;
import java.util.Objects;
import java.util.Optional;
import org.bson.BsonDocument;

/** Where a completed job's rows are: the claim that wrote them and how many chunks they fill. */
record StoredResult(ResultSummary summary, String claimToken, int chunks) {

    StoredResult {
        Objects.requireNonNull(summary, "'summary' is required");
        Names.requireText("claimToken", claimToken);
        if (chunks < 0) {
            throw new IllegalArgumentException("'chunks' must not be negative, got " + chunks);
        }
    }

    /** Empty unless the job completed. */
    static Optional<StoredResult> of(BsonDocument job) {
        if (!JobState.COMPLETED.name().equals(job.getString(JobDocuments.STATE).getValue())) {
            return Optional.empty();
        }
        BsonDocument result = job.getDocument(JobDocuments.RESULT);
        return Optional.of(new StoredResult(JobDocuments.summary(result),
                result.getString(JobDocuments.RESULT_CLAIM_TOKEN).getValue(),
                result.getInt32(JobDocuments.RESULT_CHUNKS).getValue()));
    }
}
