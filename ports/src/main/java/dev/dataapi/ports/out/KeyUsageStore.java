package dev.dataapi.ports.out;

import java.time.Instant;
import java.util.Map;

/**
 * Remembers when each API key was last used. Written in batches (a service records uses in memory
 * and flushes them every few seconds), never on the request path.
 *
 * <p>Contract: thread-safe; a recorded time never moves a key's last use backwards (two instances
 * flushing out of order keep the later one); ids of keys that do not exist are ignored.
 */
public interface KeyUsageStore {

    /**
     * Records, for each key id, that it was used at the given instant.
     *
     * @param lastUsedByKeyId key id to the time of its latest use in the batch
     */
    void recordLastUsed(Map<String, Instant> lastUsedByKeyId);

    /**
     * When each key that was ever used was last used, by key id.
     *
     * @return key id to last use
     */
    Map<String, Instant> lastUsed();
}
