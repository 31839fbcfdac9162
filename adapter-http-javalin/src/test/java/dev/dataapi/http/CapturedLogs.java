package dev.dataapi.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Keeps every event that reaches a Logback logger (and the loggers under it) while it is open. Audit
 * lines are written when Jetty completes the exchange, which may be just after the client has the
 * response, so tests wait for the line they expect instead of reading at once.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Logger logger;
    private final List<ILoggingEvent> events = new ArrayList<>();

    private CapturedLogs(Logger logger) {
        this.logger = logger;
        setName("captured-" + System.identityHashCode(this));
        setContext(logger.getLoggerContext());
        start();
        logger.addAppender(this);
    }

    /** Events of the audit log. */
    static CapturedLogs audit() {
        return of(AuditLog.LOGGER_NAME);
    }

    /** Events of every logger. */
    static CapturedLogs everything() {
        return of(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    static CapturedLogs of(String name) {
        return new CapturedLogs((Logger) LoggerFactory.getLogger(name));
    }

    @Override
    protected synchronized void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
        notifyAll();
    }

    /** The events so far. */
    synchronized List<ILoggingEvent> events() {
        return List.copyOf(events);
    }

    /** Everything an event could put in a log file: message, arguments, MDC, key-values and the whole throwable. */
    static String fullText(ILoggingEvent event) {
        StringBuilder text = new StringBuilder(event.getLoggerName()).append(' ').append(event.getFormattedMessage());
        if (event.getArgumentArray() != null) {
            for (Object argument : event.getArgumentArray()) {
                text.append(' ').append(argument);
            }
        }
        event.getMDCPropertyMap().forEach((key, value) -> text.append(' ').append(key).append('=').append(value));
        if (event.getKeyValuePairs() != null) {
            event.getKeyValuePairs().forEach(pair -> text.append(' ').append(pair.key).append('=').append(pair.value));
        }
        for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
            text.append(' ').append(thrown.getClassName()).append(": ").append(thrown.getMessage());
            for (IThrowableProxy suppressed : thrown.getSuppressed()) {
                text.append(' ').append(suppressed.getClassName()).append(": ").append(suppressed.getMessage());
            }
            for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
                text.append(' ').append(frame.getSTEAsString());
            }
        }
        return text.toString();
    }

    /** The first event matching {@code wanted}, waiting for it for a while. */
    synchronized ILoggingEvent await(Predicate<ILoggingEvent> wanted) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            for (ILoggingEvent event : events) {
                if (wanted.test(event)) {
                    return event;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no such log event within " + PATIENCE + "; got " + events.size() + " others");
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for a log event", e);
            }
        }
    }

    /** The audit line of the request with that id, as its fields, once it is written. */
    Map<String, Object> auditLineOf(String requestId) {
        String marker = "\"request_id\":\"" + requestId + "\"";
        ILoggingEvent event = await(e -> e.getLoggerName().equals(AuditLog.LOGGER_NAME)
                && e.getFormattedMessage().contains(marker));
        return FlatJson.read(event.getFormattedMessage());
    }

    /** The audit lines of the request with that id, written so far. */
    synchronized List<ILoggingEvent> auditEventsOf(String requestId) {
        String marker = "\"request_id\":\"" + requestId + "\"";
        return events.stream().filter(e -> e.getLoggerName().equals(AuditLog.LOGGER_NAME)
                && e.getFormattedMessage().contains(marker)).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}
