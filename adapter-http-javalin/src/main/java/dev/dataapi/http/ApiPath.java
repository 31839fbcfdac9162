package dev.dataapi.http;

import java.util.Optional;

/**
 * A request path under {@link #PREFIX}, split into its raw segments and decoded but not validated:
 * the use cases answer authentication before they say anything about the path, so an empty or
 * malformed segment is passed on as it came. Only a path with neither shape is not an API path.
 *
 * <p>Shapes: {@code [namespace/[slug/]]execute} and {@code [namespace/[slug/]]jobs/job_id}. A missing
 * leading segment reads as empty, so the use case answers it like an empty one. A path of both shapes
 * ({@code a/jobs/execute}) is an execute path: the endpoint {@code a/jobs} is a valid name, while a job
 * read with a missing slug and the id {@code execute} could only ever be refused.
 */
sealed interface ApiPath permits ExecutePath, JobPath {

    String PREFIX = "/api/v1/data-api/";

    /** The route pattern that catches every path under the prefix, empty segments included. */
    String ROUTE = PREFIX + "<rest>";

    /** The methods this shape answers, as sent in {@code Allow}. */
    String allow();

    /**
     * Splits the raw (still percent-encoded) request path. Splitting before decoding keeps an encoded
     * slash inside its segment, where the use case rejects it as an invalid name.
     *
     * @return empty when the path has neither shape
     */
    static Optional<ApiPath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] segments = rawPath.substring(PREFIX.length()).split("/", -1);
        int last = segments.length - 1;
        if (ExecutePath.ACTION.equals(segments[last]) && last <= 2) {
            return Optional.of(new ExecutePath(leading(segments, last, 0), leading(segments, last, 1)));
        }
        int action = last - 1;
        if (action >= 0 && JobPath.COLLECTION.equals(segments[action]) && action <= 2) {
            return Optional.of(new JobPath(leading(segments, action, 0), leading(segments, action, 1),
                    PathSegments.decode(segments[last])));
        }
        return Optional.empty();
    }

    /**
     * The decoded segment at {@code index} of those before the action: "x/execute" has one, so it is
     * the namespace and the slug is missing.
     */
    private static String leading(String[] segments, int action, int index) {
        return index < action ? PathSegments.decode(segments[index]) : "";
    }
}
