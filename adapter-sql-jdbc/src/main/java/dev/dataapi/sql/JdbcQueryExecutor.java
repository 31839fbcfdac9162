package dev.dataapi.sql;

import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.QueryRequest;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import javax.sql.DataSource;

/**
 * Runs endpoint SQL on PostgreSQL through JDBC, normally on a HikariCP pool.
 *
 * <p>Each execution takes a connection, runs one statement in a READ ONLY transaction with a
 * server-side {@code statement_timeout} and a client-side cancel shortly after it, fetches at most
 * {@code maxRows + 1} rows in batches into the sink, then rolls back and returns the connection
 * before answering, so the caller can write the result to a slow client without holding it. An
 * exhausted pool answers {@link QueryOutcome.Unavailable} instead of waiting longer than the
 * pool's connection timeout. Thread-safe.
 */
public final class JdbcQueryExecutor implements QueryExecutor {
    /** How long after the server-side timeout the client cancels, should the server not have. */
    static final Duration DEFAULT_CANCEL_GRACE = Duration.ofMillis(250);

    private static final System.Logger LOG = System.getLogger(JdbcQueryExecutor.class.getName());
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final String QUERY_CANCELED = "57014";
    private static final int COMPILED_SQL_CAPACITY = 1024;

    private final DataSource dataSource;
    private final Duration cancelGrace;
    private final CompiledSqlCache compiledSql = new CompiledSqlCache(COMPILED_SQL_CAPACITY);

    /** An executor that takes connections from {@code dataSource}; the caller owns and closes the pool. */
    public JdbcQueryExecutor(DataSource dataSource) {
        this(dataSource, DEFAULT_CANCEL_GRACE);
    }

    /**
     * With a chosen delay between the server-side timeout and the client-side cancel. Tests pass a
     * negative grace to see the client-side cancel work on its own.
     */
    JdbcQueryExecutor(DataSource dataSource, Duration cancelGrace) {
        this.dataSource = Objects.requireNonNull(dataSource, "'dataSource' is required");
        this.cancelGrace = Objects.requireNonNull(cancelGrace, "'cancelGrace' is required");
    }

    @Override
    public QueryOutcome execute(QueryRequest request, ResultSink sink) {
        Objects.requireNonNull(request, "'request' is required");
        Objects.requireNonNull(sink, "'sink' is required");
        CompiledSql sql;
        try {
            sql = compiledSql.compile(request.sql());
        } catch (SqlTemplateException e) {
            // The catalog refuses such SQL at load; reaching here means it was bypassed.
            return new QueryOutcome.Failed("endpoint SQL cannot be compiled: " + e.getMessage());
        }
        List<BoundParameter> parameters = ParameterBinder.inPlaceholderOrder(sql, request.parameters());
        long started = System.nanoTime();
        try {
            return executeOnce(sql, parameters, request, sink, FetchSizing.firstFetch(request.maxRows() + 1));
        } catch (FirstFetchTooLarge e) {
            // Nothing reached the sink: run it again a row at a time, so FetchSizing learns the rows' width
            // before a fetch may hold more; only a single row over the bound still fails. Within the same timeout.
            Duration left = request.timeout().minusNanos(System.nanoTime() - started);
            if (left.isNegative() || left.isZero()) {
                return new QueryOutcome.TimedOut();
            }
            LOG.log(Level.DEBUG, "request {0}: the first fetch outgrew the fetch bound; running again a row at a time",
                    request.requestId());
            try {
                return executeOnce(sql, parameters, new QueryRequest(request.sql(), request.parameters(),
                        request.maxRows(), left, request.requestId()), sink, 1);
            } catch (FirstFetchTooLarge again) {
                return failed(again.overflow);
            }
        }
    }

    private QueryOutcome executeOnce(CompiledSql sql, List<BoundParameter> parameters, QueryRequest request,
                                     ResultSink sink, int firstFetch) throws FirstFetchTooLarge {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLTransientConnectionException e) {
            LOG.log(Level.DEBUG, "no database connection for request {0}: {1}", request.requestId(), e.getMessage());
            return new QueryOutcome.Unavailable(RETRY_AFTER);
        } catch (SQLException e) {
            return failed(e);
        }
        try (connection) {
            return run(connection, sql, parameters, request, sink, firstFetch);
        } catch (SQLException e) {
            return QUERY_CANCELED.equals(e.getSQLState()) ? new QueryOutcome.TimedOut() : failed(e);
        }
    }

    private QueryOutcome run(Connection connection, CompiledSql sql, List<BoundParameter> parameters,
                             QueryRequest request, ResultSink sink, int firstFetch) throws SQLException, FirstFetchTooLarge {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        // With auto-commit off, pgjdbc opens the transaction as BEGIN READ ONLY. A read-only pool of
        // PostgresDataSources hands out connections already so, and then neither call sends anything.
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try {
            try (Statement setup = connection.createStatement()) {
                // UTC whatever the JVM's zone (pgjdbc sends it when connecting): a timestamp parameter
                // cast to a date, or a date compared with a timestamptz, then means the same on every
                // instance.
                setup.execute("SET LOCAL statement_timeout = " + timeoutMillis(request.timeout())
                        + "; SET LOCAL TIME ZONE 'UTC'" + customPlans(connection));
            }
            try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql())) {
                statement.setMaxRows(request.maxRows() + 1);
                statement.setFetchSize(firstFetch);
                ParameterBinder.bind(connection, statement, parameters);
                ScheduledFuture<?> cancel = QueryCanceller.cancelAfter(statement, request.timeout().plus(cancelGrace),
                        request.requestId());
                try (ResultSet resultSet = firstFetch(statement)) {
                    return ResultStreamer.stream(resultSet, sink, request.maxRows(), deadline);
                } finally {
                    cancel.cancel(false);
                }
            }
        } finally {
            rollback(connection, request.requestId());
        }
    }

    /**
     * Plans every execution for its own values. Endpoint SQL is written with optional parameters
     * ({@code :p IS NULL OR col = :p}); once pgjdbc prepares a statement on the server, PostgreSQL
     * may switch to one generic plan for all values, which cannot drop the branches a NULL makes
     * irrelevant: a 10,000-row listing then scans and sorts the whole table (measured: 50-70 ms
     * instead of 12-22 ms). Planning again costs far less. PostgreSQL 12 and later only.
     */
    private static String customPlans(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion() >= 12 ? "; SET LOCAL plan_cache_mode = force_custom_plan" : "";
    }

    /** Nothing was written (the transaction is read only); rolling back just ends it before the pool reuses the connection. */
    private static void rollback(Connection connection, String requestId) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "could not roll back the query transaction of request {0}: {1}", requestId, e.getMessage());
        }
    }

    /** statement_timeout is an int of milliseconds, and 0 would mean no timeout at all. */
    private static long timeoutMillis(Duration timeout) {
        return Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    /** Executes, which reads the first fetch; a first fetch over the pool's bound is told apart. */
    private static ResultSet firstFetch(PreparedStatement statement) throws SQLException, FirstFetchTooLarge {
        try {
            return statement.executeQuery();
        } catch (SQLException e) {
            if (FetchSizing.overBound(e)) {
                throw new FirstFetchTooLarge(e);
            }
            throw e;
        }
    }

    /** The first fetch held more than the pool's {@code maxResultBuffer}; no row reached the sink. */
    private static final class FirstFetchTooLarge extends Exception {
        private static final long serialVersionUID = 1L;
        final transient SQLException overflow;

        FirstFetchTooLarge(SQLException cause) {
            super(cause.getMessage(), cause, false, false);
            this.overflow = cause;
        }
    }

    private static QueryOutcome failed(SQLException e) {
        return new QueryOutcome.Failed(e.getSQLState() + ": " + e.getMessage());
    }
}
