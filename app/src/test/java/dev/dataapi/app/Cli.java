package dev.dataapi.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Runs the command line in this JVM, as {@code java -jar data-api.jar ARGS} would with {@code env}
 * as its environment, and keeps what it printed and every log line written meanwhile.
 */
final class Cli {

    private Cli() {
    }

    /** What one run gave: its exit code, stdout, stderr and the log lines written while it ran. */
    record Run(int exitCode, String out, String err, List<String> logs) {
        /** The last line of stdout: where create and rotate print the token. */
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }

        /** The value of a {@code name: value} line of stdout. */
        String field(String name) {
            return out.lines().filter(line -> line.startsWith(name + ": ")).map(line -> line.substring(name.length() + 2))
                    .findFirst().orElseThrow(() -> new AssertionError("no '" + name + ":' line in" + System.lineSeparator() + out));
        }

        @Override
        public String toString() {
            return "exit " + exitCode + System.lineSeparator() + "stdout:" + System.lineSeparator() + out
                    + "stderr:" + System.lineSeparator() + err;
        }
    }

    /**
     * As {@link #run}, keeping no log lines: capturing them changes shared logger state, so only
     * runs made this way may overlap.
     */
    static Run runAlongsideOthers(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.commandLine(env).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exitCode, out.toString(), err.toString(), List.of());
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (LogCapture logs = LogCapture.start()) {
            exitCode = Main.commandLine(env).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
            return new Run(exitCode, out.toString(), err.toString(), logs.lines());
        }
    }

    /**
     * Every log line written by any thread while open: the root logger's (with this project's own
     * loggers down to TRACE) and the audit log's, each as its message and any stack trace.
     */
    static final class LogCapture implements AutoCloseable {
        private static final String AUDIT = "dev.dataapi.audit";

        private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
        private final List<Logger> attachedTo = List.of((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME),
                (Logger) LoggerFactory.getLogger(AUDIT));
        private final Logger project = (Logger) LoggerFactory.getLogger("dev.dataapi");
        private final Level projectLevel = project.getLevel();

        private LogCapture() {
        }

        static LogCapture start() {
            LogCapture capture = new LogCapture();
            capture.appender.start();
            capture.attachedTo.forEach(logger -> logger.addAppender(capture.appender));
            capture.project.setLevel(Level.TRACE);
            return capture;
        }

        List<String> lines() {
            List<String> lines = new ArrayList<>();
            List<ILoggingEvent> events;
            // The appender appends under its own monitor: copying under it too is safe while other threads log.
            synchronized (appender) {
                events = List.copyOf(appender.list);
            }
            for (ILoggingEvent event : events) {
                IThrowableProxy thrown = event.getThrowableProxy();
                lines.add(event.getFormattedMessage() + (thrown == null ? "" : System.lineSeparator()
                        + ThrowableProxyUtil.asString(thrown)));
            }
            return lines;
        }

        @Override
        public void close() {
            project.setLevel(projectLevel);
            attachedTo.forEach(logger -> logger.detachAppender(appender));
            appender.stop();
        }
    }
}
