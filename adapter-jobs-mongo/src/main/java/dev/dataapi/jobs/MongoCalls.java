package dev.dataapi.jobs;

import com.mongodb.MongoException;
import java.util.function.Supplier;
import org.bson.BSONException;

/** Runs driver calls so that every driver or server failure surfaces as one {@link JobStoreException}. */
final class MongoCalls {

    private MongoCalls() {
    }

    /** The result of {@code call}; a driver failure becomes a {@link JobStoreException} naming {@code operation}. */
    static <T> T call(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (JobStoreException e) {
            throw e;
        } catch (MongoException | BSONException e) {
            throw new JobStoreException("could not " + operation + ": " + e.getClass().getSimpleName(), e);
        } catch (IllegalStateException e) {
            // The driver's answer once the application has closed its MongoClient.
            throw new JobStoreException("could not " + operation + ": the MongoDB client is not usable", e);
        }
    }

    /** Like {@link #call} for an operation without a result. */
    static void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }
}
