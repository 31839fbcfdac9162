package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.EndpointCatalog;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Serves endpoint and API key lookups from memory and reloads the whole catalog from a
 * {@link CatalogStore} every {@code refreshInterval}, so another writer's change (a revoked key, a
 * new endpoint) shows up within one interval without a restart.
 *
 * <p>A reload that fails keeps the previous catalog: a database blip must not turn every request
 * into a 401. Such an instance reports itself not ready ({@link CheckReadiness}) until a reload
 * succeeds again, because it may be serving a key that has since been revoked.
 *
 * <p>Lookups are lock-free reads of an immutable index; thread-safe.
 */
public final class CachedCatalog implements EndpointCatalog, ApiKeyLookup, CheckReadiness, AutoCloseable {
    private static final Logger LOG = System.getLogger(CachedCatalog.class.getName());

    private final CatalogStore store;
    private final Duration refreshInterval;
    private final Object lifecycle = new Object();
    private final Object reloading = new Object();
    private volatile CatalogIndex index = CatalogIndex.EMPTY;
    private volatile boolean loaded;
    private volatile boolean lastReloadFailed;
    private ScheduledExecutorService scheduler;

    /**
     * A catalog that serves nothing until {@link #start()} or {@link #refreshNow()} loads it.
     *
     * @param store           where the catalog is kept
     * @param refreshInterval time between the end of one reload and the start of the next
     */
    public CachedCatalog(CatalogStore store, Duration refreshInterval) {
        this.store = Objects.requireNonNull(store, "'store' is required");
        Objects.requireNonNull(refreshInterval, "'refreshInterval' is required");
        if (refreshInterval.isNegative() || refreshInterval.isZero()) {
            throw new IllegalArgumentException("'refreshInterval' must be positive, got " + refreshInterval);
        }
        this.refreshInterval = refreshInterval;
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
                install(store.load());
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "catalog-refresh");
                thread.setDaemon(true);
                return thread;
            });
            long millis = refreshInterval.toMillis();
            scheduler.scheduleWithFixedDelay(this::refreshNow, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reloads the catalog now, on the calling thread.
     *
     * @return true when the new catalog is served; false when the store failed and the previous
     *         catalog is kept (the failure is logged)
     */
    public boolean refreshNow() {
        // One reload at a time, so an older snapshot is never installed over a newer one.
        synchronized (reloading) {
            CatalogSnapshot snapshot;
            try {
                snapshot = store.load();
            } catch (RuntimeException e) {
                lastReloadFailed = true;
                LOG.log(Level.WARNING, "reloading the catalog failed; still serving the previous one", e);
                return false;
            }
            install(snapshot);
            return true;
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

    @Override
    public Optional<ApiKey> findByTokenSha256(String tokenSha256) {
        return index.keyByTokenSha256(tokenSha256);
    }

    /** True once a catalog is loaded, as long as the latest reload succeeded. */
    @Override
    public boolean isReady() {
        return loaded && !lastReloadFailed;
    }

    /** The catalog being served. */
    public CatalogSnapshot snapshot() {
        return index.snapshot();
    }

    private void install(CatalogSnapshot snapshot) {
        index = new CatalogIndex(snapshot);
        loaded = true;
        lastReloadFailed = false;
    }
}
