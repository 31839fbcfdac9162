package dev.dataapi.http;

import dev.dataapi.ports.in.Quota;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import io.javalin.http.HttpStatus;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place that decides which status and title answer each outcome: every
 * {@link RejectionCode} of the use cases, plus the few answers the HTTP layer gives on its own
 * (unknown path, wrong method, unexpected failure, a request the server could not even parse).
 */
final class ProblemResponses {

    static final String NOT_FOUND = "NOT_FOUND";
    static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    static final String RESULT_TOO_LARGE = "RESULT_TOO_LARGE";

    private static final int MAX_PATH_IN_DETAIL = 200;

    private ProblemResponses() {
    }

    /**
     * The problem answering {@code rejection}. A 429 always says when to come back: the use case's wait
     * when it gave one, else the time the key's quota takes to refill one request, else a second.
     */
    static Problem forRejection(Rejection rejection, Optional<Quota> quota) {
        RejectionCode code = rejection.code();
        Optional<Duration> retryAfter = rejection.retryAfter();
        if (code == RejectionCode.RATE_LIMITED && retryAfter.isEmpty()) {
            retryAfter = Optional.of(quota.map(ProblemResponses::oneRequestRefilled).orElse(Duration.ofSeconds(1)));
        }
        return new Problem(code.httpStatus(), code.name(), title(code), rejection.detail(), rejection.problems(),
                retryAfter, Optional.empty());
    }

    /**
     * A quota refills completely in its window, so one request comes back after window / quota; and
     * by the reset at the latest, when the quota says when that is.
     */
    private static Duration oneRequestRefilled(Quota quota) {
        Duration perRequest = Duration.ofSeconds(quota.windowSeconds()).dividedBy(quota.quota());
        Duration untilFull = Duration.ofSeconds(quota.resetSeconds());
        if (untilFull.isZero() || perRequest.compareTo(untilFull) <= 0) {
            return perRequest;
        }
        return untilFull;
    }

    static String title(RejectionCode code) {
        return switch (code) {
            case UNAUTHORIZED -> "Unauthorized";
            case INVALID_PARAMS -> "Invalid request";
            case FORBIDDEN -> "Forbidden";
            case ENDPOINT_NOT_FOUND -> "Endpoint not found";
            case JOB_NOT_FOUND -> "Job not found";
            case PAYLOAD_TOO_LARGE -> "Payload too large";
            case INVALID_PARAMETER -> "Invalid parameter";
            case SHARE_CONTEXT_VIOLATION -> "Share context violation";
            case RATE_LIMITED -> "Too many requests";
            case EXECUTION_TIMEOUT -> "Execution timed out";
            case EXECUTION_ERROR -> "Execution error";
            case SERVICE_UNAVAILABLE -> "Service unavailable";
            case INTERNAL_ERROR -> "Internal error";
        };
    }

    static Problem notFound(String method, String path) {
        String shown = path.length() <= MAX_PATH_IN_DETAIL ? path : path.substring(0, MAX_PATH_IN_DETAIL) + "…";
        return new Problem(404, NOT_FOUND, "Not found", "There is no " + method + " " + shown + ".");
    }

    /**
     * A path under the API prefix that the route did not serve: 405 when it has another route's shape
     * (so {@code Allow} names that route's methods), 404 when it has no known shape at all.
     */
    static Problem forUnservedPath(String method, String path, Optional<ApiPath> shape) {
        return shape.map(known -> methodNotAllowed(method, known.allow())).orElseGet(() -> notFound(method, path));
    }

    static Problem methodNotAllowed(String method, String allow) {
        return new Problem(405, METHOD_NOT_ALLOWED, "Method not allowed",
                method + " is not allowed here; allowed: " + allow + ".", List.of(), Optional.empty(), Optional.of(allow));
    }

    static Problem internalError() {
        return new Problem(500, RejectionCode.INTERNAL_ERROR.name(), title(RejectionCode.INTERNAL_ERROR),
                "Something went wrong on our side. Quote the request id when reporting it.");
    }

    /**
     * A sync result past the server's limit. 500, not 413: the request was fine, the server declines
     * to hold the answer; the detail says how the caller can still get the data.
     */
    static Problem resultTooLarge(long maxBytes) {
        return new Problem(500, RESULT_TOO_LARGE, "Result too large", "The result is larger than "
                + byteSize(maxBytes) + "; ask for fewer rows or columns (or use an async endpoint).");
    }

    /** {@code 64 MiB}, {@code 512 KiB}, or {@code 1000 bytes} when neither is whole. */
    static String byteSize(long bytes) {
        long kib = 1024L;
        if (bytes % (kib * kib) == 0) {
            return bytes / (kib * kib) + " MiB";
        }
        return bytes % kib == 0 ? bytes / kib + " KiB" : bytes + " bytes";
    }

    /**
     * For statuses raised outside the routes (a malformed request line, oversized headers): a code
     * derived from the status's reason phrase, e.g. 431 becomes {@code REQUEST_HEADER_FIELDS_TOO_LARGE}.
     */
    static Problem forHttpStatus(int status) {
        if (status == 404) {
            return new Problem(404, NOT_FOUND, "Not found", "There is nothing at this address.");
        }
        if (status < 400 || status >= 500) {
            return internalError();
        }
        String reason = HttpStatus.forStatus(status) == HttpStatus.UNKNOWN
                ? "Bad request" : HttpStatus.forStatus(status).getMessage();
        String code = reason.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_|_$", "");
        return new Problem(status, code, reason,
                "The server could not process the request (" + reason.toLowerCase(Locale.ROOT) + ").");
    }
}
