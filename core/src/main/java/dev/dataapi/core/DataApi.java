package dev.dataapi.core;

import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.GetJob;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Data API rules as a library: the use cases an embedding application calls from its own HTTP
 * stack, wired over the out-port implementations it chose. Built by {@link #builder()}, which checks
 * every input before anything runs; immutable afterwards (changing or reusing the builder does not
 * affect a built instance).
 *
 * <p>Life cycle: {@link #start()} loads the catalog (a failure there is thrown) and starts the
 * background work (catalog refresh, job workers, webhook senders, key usage flushes); the use cases
 * then answer requests. {@link #close()} stops the background work in the order the server uses:
 * key usage is flushed, job workers and webhook senders stop together (each waits up to its shutdown
 * grace, so the waits do not add up; unfinished jobs go back to the queue), then the catalog stops
 * refreshing. Stop serving requests before closing. The adapters passed to the builder (query
 * executor, job store, webhook sender, catalog store) belong to the caller, who closes them after
 * this instance.
 *
 * <p>Thread-safe: the use cases may be called from any number of threads; {@link #start()} and
 * {@link #close()} may be called from any thread.
 */
public final class DataApi implements AutoCloseable {
    private enum State { NEW, RUNNING, CLOSED }

    private final ExecuteEndpoint execute;
    private final GetJob getJob;
    private final CheckReadiness catalogReadiness;
    private final CheckReadiness readiness = this::isReady;
    private final Optional<CachedCatalog> cachedCatalog;
    private final Optional<JobWorkers> workers;
    private final Optional<CallbackDeliveries> deliveries;
    private final KeyUsageRecorder usage;
    private final Optional<Duration> usageFlush;
    private final Object lifecycle = new Object();
    private volatile State state = State.NEW;

    /**
     * @param execute          the execute use case, wired
     * @param getJob           the job read use case, wired
     * @param catalogReadiness whether the catalog can be trusted now
     * @param cachedCatalog    the catalog this instance loads and refreshes, when it owns one
     * @param workers          this instance's job workers, unless it runs no jobs
     * @param deliveries       this instance's webhook senders, when webhooks are on
     * @param usage            records key last use
     * @param usageFlush       how often {@code usage} is flushed, when there is a store to flush to
     */
    DataApi(ExecuteEndpoint execute, GetJob getJob, CheckReadiness catalogReadiness, Optional<CachedCatalog> cachedCatalog,
            Optional<JobWorkers> workers, Optional<CallbackDeliveries> deliveries, KeyUsageRecorder usage,
            Optional<Duration> usageFlush) {
        this.execute = Objects.requireNonNull(execute, "'execute' is required");
        this.getJob = Objects.requireNonNull(getJob, "'getJob' is required");
        this.catalogReadiness = Objects.requireNonNull(catalogReadiness, "'catalogReadiness' is required");
        this.cachedCatalog = Objects.requireNonNull(cachedCatalog, "'cachedCatalog' is required");
        this.workers = Objects.requireNonNull(workers, "'workers' is required");
        this.deliveries = Objects.requireNonNull(deliveries, "'deliveries' is required");
        this.usage = Objects.requireNonNull(usage, "'usage' is required");
        this.usageFlush = Objects.requireNonNull(usageFlush, "'usageFlush' is required");
    }

    /**
     * A builder with every default in place; only the catalog and the query executor must be given.
     *
     * @return a new builder
     */
    public static DataApiBuilder builder() {
        return new DataApiBuilder();
    }

    /**
     * The use case behind {@code POST /api/v1/data-api/{namespace}/{slug}/execute}.
     *
     * @return the same thread-safe instance on every call
     */
    public ExecuteEndpoint execute() {
        return execute;
    }

    /**
     * The use case behind {@code GET /api/v1/data-api/{namespace}/{slug}/jobs/{job_id}}.
     *
     * @return the same thread-safe instance on every call
     */
    public GetJob getJob() {
        return getJob;
    }

    /**
     * Whether this instance should receive requests: started, not closed, and its catalog fresh
     * (a {@link CachedCatalog} whose reloads fail turns not ready; see {@link CachedCatalog#isReady()}).
     * Suits a load balancer's readiness probe.
     *
     * @return the same instance on every call; fast and safe to call often
     */
    public CheckReadiness readiness() {
        return readiness;
    }

    /**
     * Loads the catalog and starts the background work. Once only.
     *
     * @throws IllegalStateException when already started or closed
     * @throws RuntimeException      whatever the catalog store throws on the first load; everything
     *                               started so far is stopped again and this instance is closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (state != State.NEW) {
                throw new IllegalStateException("the DataApi can be started once, before it is closed; it is "
                        + state.name().toLowerCase(Locale.ROOT));
            }
            try {
                cachedCatalog.ifPresent(CachedCatalog::start);
                deliveries.ifPresent(CallbackDeliveries::start);
                workers.ifPresent(JobWorkers::start);
                usageFlush.ifPresent(usage::start);
                state = State.RUNNING;
            } catch (RuntimeException e) {
                stop();
                throw e;
            }
        }
    }

    /**
     * Stops the background work: flushes key usage, stops job workers and webhook senders together
     * (within their shutdown grace), then stops refreshing the catalog. Idempotent; the use cases
     * must not be called afterwards.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (state != State.CLOSED) {
                stop();
            }
        }
    }

    private void stop() {
        state = State.CLOSED;
        usage.close();
        // Both wait up to their shutdown grace for work in flight: one after the other, the waits would add up.
        Optional<Thread> closingSenders = deliveries.map(senders -> {
            Thread thread = new Thread(senders::close, "data-api-close-webhook-senders");
            thread.start();
            return thread;
        });
        workers.ifPresent(JobWorkers::close);
        closingSenders.ifPresent(DataApi::join);
        cachedCatalog.ifPresent(CachedCatalog::close);
    }

    private boolean isReady() {
        return state == State.RUNNING && catalogReadiness.isReady();
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
