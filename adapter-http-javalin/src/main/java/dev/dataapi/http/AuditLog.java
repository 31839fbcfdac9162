package dev.dataapi.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;

/**
 * The audit log: one JSON line per execute request and per job read, whatever its outcome, at INFO
 * on the logger named {@value #LOGGER_NAME}, so that operators can route it apart from the
 * diagnostic logs (to a file kept longer, a SIEM) or switch it off by level.
 */
final class AuditLog {

    /** The logger every audit line goes to. */
    static final String LOGGER_NAME = "dev.dataapi.audit";

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final Logger lines;
    private final Clock clock;

    AuditLog(Clock clock) {
        this(LoggerFactory.getLogger(LOGGER_NAME), clock);
    }

    AuditLog(Logger lines, Clock clock) {
        this.lines = Objects.requireNonNull(lines, "'lines' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
    }

    /**
     * The audit of the exchange on {@code ctx}, started now if it was not yet: its line is written once
     * the response has been written, or has failed to be.
     */
    ExchangeAudit begin(Context ctx, AuditAction action) {
        return ExchangeAudit.of(ctx).orElseGet(() -> ExchangeAudit.start(ctx, action, this, clock));
    }

    /** Writes the line. Never throws: a request is not failed for its audit line. */
    void write(AuditEntry entry) {
        try {
            if (lines.isInfoEnabled()) {
                lines.info(entry.toJson());
            }
        } catch (RuntimeException e) {
            LOG.error("request {}: the audit line could not be written", entry.requestId(), e);
        }
    }
}
