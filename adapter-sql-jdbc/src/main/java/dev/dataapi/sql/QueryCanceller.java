package dev.dataapi.sql;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cancels statements that outlive their timeout from the client side, in case the server-side
 * {@code statement_timeout} does not fire (a query stuck outside the executor, a changed setting).
 * One daemon thread serves every executor: cancels are rare and quick.
 */
final class QueryCanceller {
    private static final System.Logger LOG = System.getLogger(QueryCanceller.class.getName());
    private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

    private QueryCanceller() {
    }

    /**
     * Cancels {@code statement} after {@code delay} unless the returned future is cancelled first.
     * A cancel that arrives after the statement finished is ignored by the driver.
     */
    static ScheduledFuture<?> cancelAfter(Statement statement, Duration delay, String requestId) {
        return SCHEDULER.schedule(() -> cancel(statement, requestId), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static void cancel(Statement statement, String requestId) {
        try {
            statement.cancel();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not cancel the query of request {0}: {1}", requestId, e.getMessage());
        }
    }

    private static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "data-api-query-canceller");
            thread.setDaemon(true);
            return thread;
        });
        // Nearly every scheduled cancel is withdrawn because the query finished; drop those at once.
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
