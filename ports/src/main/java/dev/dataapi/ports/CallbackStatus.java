package dev.dataapi.ports;

import java.util.Locale;

/** Where the webhook delivery of a job's outcome stands. */
public enum CallbackStatus {
    /** Not delivered yet: waiting for the job to end, or for its next attempt. */
    PENDING,
    /** The receiver answered 2xx. Terminal. */
    DELIVERED,
    /** Retries ran out, or the receiver answered 410 Gone. Terminal; the job itself keeps its outcome. */
    FAILED;

    /**
     * The name shown in a job's {@code callback} object.
     *
     * @return {@code pending}, {@code delivered} or {@code failed}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
