package dev.dataapi.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps what one class logs (through {@link System.Logger}, which the JDK backs with
 * java.util.logging when nothing else is installed) instead of printing it. Close it to restore
 * the logger.
 */
final class LogCapture implements AutoCloseable {
    private static final long WAIT_SECONDS = 20;
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
                records.notifyAll();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> source) {
        logger = Logger.getLogger(source.getName());
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);
    }

    /** Captures what {@code source} logs until closed. */
    static LogCapture of(Class<?> source) {
        return new LogCapture(source);
    }

    /** Each captured message at {@code level}, with the message of its exception appended when it had one. */
    List<String> messages(Level level) {
        List<String> messages = new ArrayList<>();
        synchronized (records) {
            for (LogRecord record : records) {
                if (record.getLevel().equals(level)) {
                    messages.add(record.getMessage() + (record.getThrown() == null ? "" : " " + record.getThrown()));
                }
            }
        }
        return messages;
    }

    /**
     * Waits until a message at {@code level} holds every one of {@code fragments} (with its exception's
     * message, as {@link #messages} shows it), for when the line is logged on another thread; fails
     * after twenty seconds.
     */
    String await(Level level, String... fragments) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (records) {
            while (true) {
                for (String message : messages(level)) {
                    if (Arrays.stream(fragments).allMatch(message::contains)) {
                        return message;
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AssertionError("no " + level + " message with " + Arrays.toString(fragments) + " within "
                            + WAIT_SECONDS + " s; logged: " + allMessages());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(records, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for a log message", e);
                }
            }
        }
    }

    /** Every captured message, any level. */
    List<String> allMessages() {
        List<String> messages = new ArrayList<>();
        synchronized (records) {
            for (LogRecord record : records) {
                messages.add(record.getMessage());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(true);
    }
}
