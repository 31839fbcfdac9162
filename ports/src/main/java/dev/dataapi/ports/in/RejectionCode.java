package dev.dataapi.ports.in;

/**
 * Why a request was not served. Each code has the one HTTP status the consumer contract gives it
 * ({@link #httpStatus()}), so every driving adapter answers alike; the names are the {@code code}
 * field of the error body.
 */
public enum RejectionCode {
    /** Missing, malformed, unknown, revoked or expired token (401). */
    UNAUTHORIZED(401),
    /** Missing or malformed namespace or slug, or an unreadable body (400). */
    INVALID_PARAMS(400),
    /** The key lacks the permission (403). */
    FORBIDDEN(403),
    /** No such active endpoint for the key's company (404). */
    ENDPOINT_NOT_FOUND(404),
    /** No such job for this endpoint and key (404). */
    JOB_NOT_FOUND(404),
    /** The body is over the size limit (413). */
    PAYLOAD_TOO_LARGE(413),
    /** A parameter value or body field is invalid (422). */
    INVALID_PARAMETER(422),
    /** A value contradicts the key's share context (422). */
    SHARE_CONTEXT_VIOLATION(422),
    /** Too many requests (429). */
    RATE_LIMITED(429),
    /** The sync execution ran past its timeout and was cancelled (408). */
    EXECUTION_TIMEOUT(408),
    /** The query failed on the database (500). */
    EXECUTION_ERROR(500),
    /** Capacity is exhausted for now; retry later (503). */
    SERVICE_UNAVAILABLE(503),
    /** Anything else that went wrong on our side (500). */
    INTERNAL_ERROR(500);

    private final int httpStatus;

    RejectionCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /**
     * The HTTP status the consumer contract answers this code with.
     *
     * @return the status, 400 to 599
     */
    public int httpStatus() {
        return httpStatus;
    }
}
