package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.CompanyLookup;
import dev.dataapi.ports.out.EndpointCatalog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves endpoint, API key and company lookups from memory and reloads the whole catalog from a
 * {@link CatalogStore} every {@code refreshInterval}, so another writer's change (a revoked key, a
 * new endpoint) shows up within one interval without a restart.
 *
 * <p>A reload that fails keeps the previous catalog: a database blip must not turn every request
 * into a 401. Such an instance reports itself not ready ({@link CheckReadiness}) until a reload
 * succeeds again, because it may be serving a key that has since been revoked. It also reports
 * itself not ready once the catalog it serves is older than a staleness limit, whatever the
 * reason (a reload that hangs, a refresh thread that died), so a load balancer stops sending it
 * requests instead of letting it ignore revocations for good.
 *
 * <p>Lookups are lock-free reads of an immutable index; thread-safe.
 */
public final class CachedCatalog implements EndpointCatalog, ApiKeyLookup, CompanyLookup, CheckReadiness, AutoCloseable {
    private static final Logger LOG = System.getLogger(CachedCatalog.class.getName());

    /** The shortest default staleness limit: a short refresh interval must not make readiness flap. */
    private static final Duration SHORTEST_DEFAULT_STALENESS = Duration.ofSeconds(10);
    private static final int DEFAULT_STALENESS_INTERVALS = 5;

    private final CatalogStore store;
    private final Duration refreshInterval;
    private final Duration stalenessLimit;
    private final Clock clock;
    private final Object lifecycle = new Object();
    private final Object reloading = new Object();
    private volatile CatalogIndex index = CatalogIndex.EMPTY;
    private volatile Instant loadedAt;
    private volatile boolean lastReloadFailed;
    private ScheduledExecutorService scheduler;

    /**
     * A catalog that serves nothing until {@link #start()} or {@link #refreshNow()} loads it, with
     * the {@linkplain #defaultStalenessLimit default staleness limit} on the system clock.
     *
     * @param store           where the catalog is kept
     * @param refreshInterval time between the end of one reload and the start of the next
     */
    public CachedCatalog(CatalogStore store, Duration refreshInterval) {
        this(store, refreshInterval, defaultStalenessLimit(requirePositive("refreshInterval", refreshInterval)),
                Clock.systemUTC());
    }

    /**
     * A catalog that serves nothing until {@link #start()} or {@link #refreshNow()} loads it.
     *
     * @param store           where the catalog is kept
     * @param refreshInterval time between the end of one reload and the start of the next
     * @param stalenessLimit  past this age of the catalog served (counted from the start of the load
     *                        that read it), the instance is not ready; longer than {@code refreshInterval}
     * @param clock           measures that age
     */
    public CachedCatalog(CatalogStore store, Duration refreshInterval, Duration stalenessLimit, Clock clock) {
        this.store = Objects.requireNonNull(store, "'store' is required");
        this.refreshInterval = requirePositive("refreshInterval", refreshInterval);
        this.stalenessLimit = requirePositive("stalenessLimit", stalenessLimit);
        if (stalenessLimit.compareTo(refreshInterval) <= 0) {
            throw new IllegalArgumentException("'stalenessLimit' must be longer than 'refreshInterval' (" + refreshInterval
                    + "), got " + stalenessLimit);
        }
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
    }

    /**
     * Five refresh intervals, and at least 10 seconds: several reloads in a row must fail or hang
     * before an instance stops taking requests.
     *
     * @param refreshInterval the time between reloads
     * @return the age past which the catalog served makes the instance not ready
     */
    public static Duration defaultStalenessLimit(Duration refreshInterval) {
        Duration intervals = requirePositive("refreshInterval", refreshInterval).multipliedBy(DEFAULT_STALENESS_INTERVALS);
        return intervals.compareTo(SHORTEST_DEFAULT_STALENESS) < 0 ? SHORTEST_DEFAULT_STALENESS : intervals;
    }

    /**
     * Loads the catalog once, then reloads it every interval on one daemon thread. A failure of
     * the first load is thrown, since there is nothing to serve yet; later failures are logged.
     */
    public void start() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                throw new IllegalStateException("the catalog is already started");
            }
            synchronized (reloading) {
                Instant started = clock.instant();
                install(store.load(), started);
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "catalog-refresh");
                thread.setDaemon(true);
                return thread;
            });
            long millis = refreshInterval.toMillis();
            scheduler.scheduleWithFixedDelay(this::scheduledRefresh, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reloads the catalog now, on the calling thread.
     *
     * @return true when the new catalog is served; false when the store failed and the previous
     *         catalog is kept (the failure is logged)
     * @throws Error when the store throws one; the previous catalog is kept and the instance is not ready
     */
    public boolean refreshNow() {
        // One reload at a time, so an older snapshot is never installed over a newer one.
        synchronized (reloading) {
            Instant started = clock.instant();
            try {
                install(store.load(), started);
                return true;
            } catch (RuntimeException e) {
                lastReloadFailed = true;
                LOG.log(Level.WARNING, "reloading the catalog failed; still serving the previous one", LogText.fault(e));
                return false;
            } catch (Error e) {
                lastReloadFailed = true;
                throw e;
            }
        }
    }

    /**
     * A scheduled reload. Nothing may escape it: an executor cancels every later run of a task that
     * throws, and this instance would then serve the same catalog, revoked keys included, for good.
     */
    private void scheduledRefresh() {
        try {
            refreshNow();
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "reloading the catalog failed with " + e.getClass().getName()
                    + "; still serving the previous one and trying again in " + refreshInterval.toMillis() + " ms",
                    LogText.fault(e));
        }
    }

    /** Stops reloading. Lookups keep serving the last catalog. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }

    @Override
    public Optional<Endpoint> findEndpoint(CompanyId company, EndpointRef ref) {
        return index.endpoint(company, ref);
    }

    /** The company in the catalog being served; its webhook secret signs its callbacks. */
    @Override
    public Optional<Company> findCompany(CompanyId id) {
        return index.company(id);
    }

    @Override
    public Optional<ApiKey> findByTokenSha256(String tokenSha256) {
        return index.keyByTokenSha256(tokenSha256);
    }

    /**
     * True once a catalog is loaded, as long as the latest reload succeeded and the catalog served
     * is not older than the staleness limit.
     */
    @Override
    public boolean isReady() {
        Instant since = loadedAt;
        return since != null && !lastReloadFailed
                && Duration.between(since, clock.instant()).compareTo(stalenessLimit) <= 0;
    }

    /**
     * The catalog being served.
     *
     * @return the snapshot of the last successful load (empty before the first)
     */
    public CatalogSnapshot snapshot() {
        return index.snapshot();
    }

    private void install(CatalogSnapshot snapshot, Instant readAt) {
        index = new CatalogIndex(snapshot);
        loadedAt = readAt;
        lastReloadFailed = false;
    }

    private static Duration requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, "'" + field + "' is required");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("'" + field + "' must be positive, got " + value);
        }
        return value;
    }
}
