package dev.dataapi.core;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the background threads of this service and makes them daemons. */
final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads named {@code prefix} followed by 1, 2, 3… */
    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            // Daemon threads: an embedder that forgets close() can still exit; close() is the orderly way.
            thread.setDaemon(true);
            return thread;
        };
    }
}
