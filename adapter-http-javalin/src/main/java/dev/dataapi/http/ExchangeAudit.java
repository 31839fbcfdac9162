package dev.dataapi.http;

import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.in.RequestFacts;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the audit log learns about one exchange while it is handled: the handler reports the path,
 * the use case's facts and the rows, {@link Responses} the status it answers with. The line is written
 * when Jetty completes the exchange, that is after the last byte of the response, streamed or not, has
 * been written, or once writing it failed (client gone, body broken off). Javalin's own request logger
 * would not do: it runs before the response stream is closed, and not at all when writing fails.
 *
 * <p>The handler's thread reports and Jetty's completing thread reads, hence the synchronization.
 */
final class ExchangeAudit {

    private static final String ATTRIBUTE = "dev.dataapi.http.audit";
    // A handler that answered nothing got a response from the error fallback, which answers 500.
    private static final int FALLBACK_STATUS = 500;

    private final AuditLog log;
    private final AuditAction action;
    private final String requestId;
    private final Instant startedAt;
    private final long startedNanos;
    private final AtomicBoolean written = new AtomicBoolean();

    private RequestFacts facts = RequestFacts.none();
    private Optional<EndpointRef> requested = Optional.empty();
    private Optional<String> jobId = Optional.empty();
    private int rows;
    private int status;

    private ExchangeAudit(AuditLog log, AuditAction action, String requestId, Clock clock) {
        this.log = log;
        this.action = action;
        this.requestId = requestId;
        this.startedNanos = System.nanoTime();
        this.startedAt = clock.instant();
    }

    /** Starts the audit of the exchange on {@code ctx}, which then finds it with {@link #of(Context)}. */
    static ExchangeAudit start(Context ctx, AuditAction action, AuditLog log, Clock clock) {
        ExchangeAudit audit = new ExchangeAudit(log, action, RequestIds.of(ctx), clock);
        ctx.attribute(ATTRIBUTE, audit);
        Request.addCompletionListener(ServletContextRequest.getServletContextRequest(ctx.req()), audit::completed);
        return audit;
    }

    /** The audit of the exchange on {@code ctx}, when one was started. */
    static Optional<ExchangeAudit> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** Records {@code status} as the answer of the exchange on {@code ctx}, when it is audited. */
    static void answered(Context ctx, int status) {
        of(ctx).ifPresent(audit -> audit.answered(status));
    }

    /** The path's endpoint names; kept only when they are valid names, as nothing else can be an endpoint. */
    synchronized void requested(String namespace, String slug) {
        requested = Names.isKebabCase(namespace) && Names.isKebabCase(slug)
                ? Optional.of(new EndpointRef(namespace, slug)) : Optional.empty();
    }

    /** The path's job id; kept only when it is well formed. */
    /** The job an execute request created. */
    synchronized void createdJob(String id) {
        jobId = Optional.of(id);
    }

    synchronized void requestedJob(String rawJobId) {
        jobId = JobId.isValid(rawJobId) ? Optional.of(rawJobId) : Optional.empty();
    }

    synchronized void learned(RequestFacts value) {
        facts = value;
    }

    synchronized void rows(int count) {
        rows = count;
    }

    synchronized void answered(int value) {
        status = value;
    }

    /** Jetty's completion: {@code failure} is null when the whole response was written. */
    void completed(Throwable failure) {
        if (written.compareAndSet(false, true)) {
            log.write(entry(failure == null));
        }
    }

    private synchronized AuditEntry entry(boolean delivered) {
        Optional<EndpointRef> endpoint = facts.endpoint().or(() -> requested);
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        return new AuditEntry(startedAt, requestId, action, facts.keyId(), facts.company().map(Object::toString),
                endpoint.map(EndpointRef::namespace), endpoint.map(EndpointRef::slug), jobId, facts.parametersHash(),
                status == 0 ? FALLBACK_STATUS : status, rows, millis, delivered);
    }
}
