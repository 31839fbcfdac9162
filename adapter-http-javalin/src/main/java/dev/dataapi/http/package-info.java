/**
 * The HTTP driving adapter: serves {@code POST /api/v1/data-api/{namespace}/{slug}/execute},
 * {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}} and the health endpoints on Javalin,
 * translating requests into {@link dev.dataapi.ports.in.ExecuteCommand}s and
 * {@link dev.dataapi.ports.in.GetJobCommand}s and outcomes into responses. It parses at the edge
 * (bearer token, raw path segments, a size-limited JSON body with exact decimal numbers) but decides
 * nothing: authentication, path validity and body problems are answered by the use cases, so the
 * contract's check order holds. Every outcome maps to a status in
 * {@link dev.dataapi.http.ProblemResponses}; results, sync or a completed job's, are serialized by one
 * writer straight from the {@link dev.dataapi.ports.ResultSink} callbacks. A sync body goes into a
 * buffer bounded by {@link dev.dataapi.http.HttpSettings#maxResultBytes()} and is written only after the
 * use case has returned, so a slow client never holds a database connection and a failure never leaves
 * a partial body. A job's body is streamed as its stored rows are read; a failure after part of it was
 * sent closes the connection, so the body is never ended as if it were complete.
 * Answers to a key with a quota carry the IETF {@code RateLimit-Policy} and {@code RateLimit} fields
 * ({@link dev.dataapi.http.RateLimitHeaders}); a 429 always carries {@code Retry-After}. Every execute
 * request and job read, whatever its outcome, leaves one JSON line at INFO on the logger
 * {@code dev.dataapi.audit} (see {@link dev.dataapi.http.AuditEntry} for its fields), written once the
 * response has been written or has failed to be; it never holds a token, a header or a parameter value.
 * The same job body, followed by the endpoint's namespace and slug, is the webhook payload written by
 * {@link dev.dataapi.http.JsonWebhookPayloads}. {@link dev.dataapi.http.DataApiHttpServer} (configured
 * by {@link dev.dataapi.http.HttpSettings}) and that encoder are the entry points; everything else is
 * package-private.
 */
package dev.dataapi.http;
