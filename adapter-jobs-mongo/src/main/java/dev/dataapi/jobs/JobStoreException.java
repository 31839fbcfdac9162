package dev.dataapi.jobs;

/**
 * The job store could not do what was asked: MongoDB was unreachable or refused an operation, a
 * stored document could not be read back, or a result cannot be stored. The message names the
 * operation and the job, never stored contents; the cause, when there is one, holds the driver's
 * exception for the log.
 */
public final class JobStoreException extends IllegalStateException {

    JobStoreException(String message) {
        super(message);
    }

    JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
