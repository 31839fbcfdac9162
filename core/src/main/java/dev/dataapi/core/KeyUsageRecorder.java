package dev.dataapi.core;

import dev.dataapi.ports.out.KeyUsageStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Remembers in memory when each key was last used and writes those times to a
 * {@link KeyUsageStore} in one batch per interval, so that a request never waits on a write and a
 * busy key costs one row update per interval, not one per request. A failed flush keeps its times
 * for the next one. Thread-safe.
 */
public final class KeyUsageRecorder implements AutoCloseable {
    private static final Logger LOG = System.getLogger(KeyUsageRecorder.class.getName());

    private final KeyUsageStore store;
    private final Object lifecycle = new Object();
    private final Object flushing = new Object();
    private final ConcurrentHashMap<String, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService scheduler;

    /** @param store where the times go */
    public KeyUsageRecorder(KeyUsageStore store) {
        this.store = Objects.requireNonNull(store, "'store' is required");
    }

    /**
     * A recorder that forgets what it records, for services that do not track key usage.
     *
     * @return a recorder writing nowhere
     */
    public static KeyUsageRecorder discarding() {
        return new KeyUsageRecorder(new KeyUsageStore() {
            @Override
            public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
            }

            @Override
            public Map<String, Instant> lastUsed() {
                return Map.of();
            }
        });
    }

    /** Records that key {@code keyId} was used at {@code at}; never blocks on the store. */
    void record(String keyId, Instant at) {
        pending.merge(keyId, at, KeyUsageRecorder::later);
    }

    /** Writes every time recorded since the last flush; on failure they are kept for the next one. */
    public void flush() {
        synchronized (flushing) {
            Map<String, Instant> batch = new HashMap<>(pending);
            if (batch.isEmpty()) {
                return;
            }
            try {
                store.recordLastUsed(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "recording when " + batch.size() + " API keys were last used failed; retrying"
                        + " with the next batch", LogText.fault(e));
                return;
            }
            // Removes only what was written: a use recorded meanwhile (a later time) stays for the next flush.
            batch.forEach(pending::remove);
        }
    }

    /**
     * Flushes every {@code interval} on a daemon thread until {@link #close()}.
     *
     * @param interval time between two flushes, at least 1 ms
     * @throws IllegalStateException when already started
     */
    public void start(Duration interval) {
        long millis = Objects.requireNonNull(interval, "'interval' is required").toMillis();
        if (millis < 1) {
            throw new IllegalArgumentException("'interval' must be at least 1 ms, got " + interval);
        }
        synchronized (lifecycle) {
            if (scheduler != null) {
                throw new IllegalStateException("key usage recording is already started");
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("data-api-key-usage-"));
            scheduler.scheduleWithFixedDelay(this::flushSafely, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the periodic flush and flushes what is left. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
        }
        flush();
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException | Error e) {
            // A scheduled task that throws is never run again; the next interval must still flush.
            LOG.log(Level.ERROR, "flushing API key usage failed unexpectedly", e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
