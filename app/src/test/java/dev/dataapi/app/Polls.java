package dev.dataapi.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;

/**
 * Polling for what a test cannot be told about: a server that reloads its catalog on its own
 * schedule, or a query another process runs. It sleeps only between two looks at something.
 */
final class Polls {

    private Polls() {
    }

    /**
     * Asks {@code status} every {@code every} until it answers {@code expected} or {@code within}
     * has passed; returns the last answer, for the caller to assert on.
     */
    static int statusUntil(IntSupplier status, int expected, Duration within, Duration every) {
        return until(status, answer -> answer == expected, within, every);
    }

    /** Asks {@code status} every {@code every} until {@code done} accepts the answer or {@code within} has passed. */
    static int until(IntSupplier status, IntPredicate done, Duration within, Duration every) {
        long deadline = System.nanoTime() + within.toNanos();
        int answer = status.getAsInt();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            pause(every.toMillis());
            answer = status.getAsInt();
        }
        return answer;
    }

    /**
     * Waits until the PostgreSQL behind {@code connection} runs an active query whose text holds
     * {@code marker} (in another session), or fails the test after {@code within}.
     */
    static void awaitQueryRunning(Connection connection, String marker, Duration within) throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        try (Statement statement = connection.createStatement()) {
            while (true) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                        + " AND query LIKE '%" + marker + "%' AND pid <> pg_backend_pid()")) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no query " + marker + " started within " + within);
                }
                pause(20);
            }
        }
    }

    /** A connection to the embedded PostgreSQL of {@code cluster}, found through its {@code postmaster.pid}. */
    static Connection embeddedCluster(Path cluster) throws IOException, SQLException {
        int port = Integer.parseInt(Files.readAllLines(cluster.resolve("postmaster.pid")).get(3).trim());
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    /** Sleeps between two looks at something; an interrupt fails the test. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while polling", e);
        }
    }
}
