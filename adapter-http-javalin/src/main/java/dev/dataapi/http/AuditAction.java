package dev.dataapi.http;

import java.util.Optional;

/** What a consumer asked for, as an audit line names it. */
enum AuditAction {
    /** {@code POST …/execute}, including one whose path did not parse. */
    EXECUTE("execute"),
    /** {@code GET} or {@code HEAD …/jobs/{job_id}}, including one whose path did not parse. */
    GET_JOB("get_job");

    private final String wireName;

    AuditAction(String wireName) {
        this.wireName = wireName;
    }

    /**
     * What a request under the API prefix tried to be, by its method: POST an execute, GET or HEAD a job
     * read; nothing for any other method or path.
     */
    static Optional<AuditAction> of(String method, String rawPath) {
        if (rawPath == null || !rawPath.startsWith(ApiPath.PREFIX)) {
            return Optional.empty();
        }
        if ("POST".equals(method)) {
            return Optional.of(EXECUTE);
        }
        if ("GET".equals(method) || "HEAD".equals(method)) {
            return Optional.of(GET_JOB);
        }
        return Optional.empty();
    }

    /** {@code execute} or {@code get_job}. */
    String wireName() {
        return wireName;
    }
}
