package dev.dataapi.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what a java.util.logging logger (the backend of {@code System.Logger} here, and pgjdbc's
 * own logging) receives from the thread that opened it, until closed. Other threads are ignored,
 * so tests running alongside cannot add records.
 */
final class CapturedLog implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final long threadId = Thread.currentThread().getId();
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() == threadId) {
                synchronized (records) {
                    records.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private CapturedLog(String loggerName, Level level) {
        logger = Logger.getLogger(loggerName);
        previousLevel = logger.getLevel();
        logger.setLevel(level);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /** Starts recording what {@code loggerName} (and the loggers below it) logs at {@code level} or above. */
    static CapturedLog of(String loggerName, Level level) {
        return new CapturedLog(loggerName, level);
    }

    /** The formatted messages recorded at exactly {@code level}, in order. */
    List<String> messages(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> messages = new ArrayList<>();
        synchronized (records) {
            for (LogRecord record : records) {
                if (record.getLevel().equals(level)) {
                    messages.add(formatter.formatMessage(record));
                }
            }
        }
        return messages;
    }

    /** Forgets what was recorded so far. */
    void clear() {
        synchronized (records) {
            records.clear();
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
