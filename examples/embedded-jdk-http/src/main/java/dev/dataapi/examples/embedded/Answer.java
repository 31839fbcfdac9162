package dev.dataapi.examples.embedded;

import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP response, decided in one place for every outcome of the execute use case: 200 with the
 * result, 202 with the job, or an RFC 9457 problem whose status follows from the rejection code.
 *
 * @param status      the HTTP status
 * @param contentType the body's media type
 * @param body        the JSON body
 * @param headers     headers besides Content-Type
 */
record Answer(int status, String contentType, String body, Map<String, String> headers) {
    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    Answer {
        Objects.requireNonNull(contentType, "'contentType' is required");
        Objects.requireNonNull(body, "'body' is required");
        headers = Map.copyOf(headers);
    }

    /** The answer to {@code outcome}; {@code rows} holds the result when it was executed. */
    static Answer of(ExecuteOutcome outcome, JsonRows rows, String requestId) {
        if (outcome instanceof ExecuteOutcome.Executed) {
            ExecuteOutcome.Executed executed = (ExecuteOutcome.Executed) outcome;
            return new Answer(200, JSON, "{" + rows.columnsAndRows() + ",\"row_count\":" + executed.rowCount()
                    + ",\"truncated\":" + executed.truncated() + ",\"max_rows\":" + executed.maxRows()
                    + ",\"executed_at\":\"" + executed.executedAt().truncatedTo(ChronoUnit.SECONDS) + "\"}", Map.of());
        }
        if (outcome instanceof ExecuteOutcome.Accepted) {
            ExecuteOutcome.Accepted accepted = (ExecuteOutcome.Accepted) outcome;
            String pollingUrl = "/api/v1/data-api/" + accepted.endpoint().namespace() + "/" + accepted.endpoint().slug()
                    + "/jobs/" + accepted.jobId();
            return new Answer(202, JSON, "{\"job_id\":\"" + accepted.jobId() + "\",\"status\":\"processing\","
                    + "\"polling_url\":\"" + pollingUrl + "\"}", Map.of("Location", pollingUrl));
        }
        return rejected(((ExecuteOutcome.Rejected) outcome).rejection(), requestId);
    }

    /** The problem answering {@code rejection}, with the headers its status calls for. */
    static Answer rejected(Rejection rejection, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (rejection.code() == RejectionCode.UNAUTHORIZED) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        rejection.retryAfter().ifPresent(wait -> headers.put("Retry-After", Long.toString(wholeSeconds(wait))));
        StringBuilder errors = new StringBuilder();
        if (rejection.code().httpStatus() == 422) {
            errors.append(",\"errors\":[");
            String separator = "";
            for (ParameterProblem problem : rejection.problems()) {
                errors.append(separator).append("{\"parameter\":");
                JsonWriter.string(errors, problem.parameter());
                errors.append(",\"code\":");
                JsonWriter.string(errors, problem.code());
                errors.append(",\"message\":");
                JsonWriter.string(errors, problem.message());
                errors.append('}');
                separator = ",";
            }
            errors.append(']');
        }
        return problem(rejection.code().httpStatus(), rejection.code().name(), rejection.detail(), requestId, errors.toString(),
                headers);
    }

    /** A problem the HTTP layer answers on its own (unknown path, wrong method, a failure of ours). */
    static Answer problem(int status, String code, String detail, String requestId, Map<String, String> headers) {
        return problem(status, code, detail, requestId, "", headers);
    }

    private static Answer problem(int status, String code, String detail, String requestId, String extra,
                                  Map<String, String> headers) {
        StringBuilder body = new StringBuilder("{\"type\":");
        JsonWriter.string(body, "/problems/" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.append(",\"title\":");
        JsonWriter.string(body, title(code));
        body.append(",\"status\":").append(status).append(",\"detail\":");
        JsonWriter.string(body, detail);
        body.append(",\"code\":");
        JsonWriter.string(body, code);
        body.append(",\"request_id\":");
        JsonWriter.string(body, requestId);
        return new Answer(status, PROBLEM, body.append(extra).append('}').toString(), headers);
    }

    private static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Retry-After takes whole seconds: round up, so a client never comes back too early. */
    private static long wholeSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}
