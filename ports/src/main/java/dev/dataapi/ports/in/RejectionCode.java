package dev.dataapi.ports.in;

/**
 * Why a request was not served. Each code maps to one HTTP status in the driving adapter; the
 * names are the {@code code} field of the error body.
 */
public enum RejectionCode {
    /** Missing, malformed, unknown, revoked or expired token (401). */
    UNAUTHORIZED,
    /** Missing or malformed namespace or slug, or an unreadable body (400). */
    INVALID_PARAMS,
    /** The key lacks the permission (403). */
    FORBIDDEN,
    /** No such active endpoint for the key's company (404). */
    ENDPOINT_NOT_FOUND,
    /** No such job for this endpoint and key (404). */
    JOB_NOT_FOUND,
    /** The body is over the size limit (413). */
    PAYLOAD_TOO_LARGE,
    /** A parameter value or body field is invalid (422). */
    INVALID_PARAMETER,
    /** A value contradicts the key's share context (422). */
    SHARE_CONTEXT_VIOLATION,
    /** Too many requests (429). */
    RATE_LIMITED,
    /** The sync execution ran past its timeout and was cancelled (408). */
    EXECUTION_TIMEOUT,
    /** The query failed on the database (500). */
    EXECUTION_ERROR,
    /** Capacity is exhausted for now; retry later (503). */
    SERVICE_UNAVAILABLE,
    /** Anything else that went wrong on our side (500). */
    INTERNAL_ERROR
}
