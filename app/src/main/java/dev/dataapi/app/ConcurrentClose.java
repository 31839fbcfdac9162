package dev.dataapi.app;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes several resources at the same time. Job workers and webhook senders each wait up to the
 * shutdown grace for work in flight; closing them one after the other would add the waits up and
 * outlast an orchestrator's termination period.
 */
final class ConcurrentClose implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentClose.class);

    private final List<AutoCloseable> resources = new ArrayList<>();

    synchronized void add(AutoCloseable resource) {
        resources.add(resource);
    }

    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        synchronized (this) {
            for (AutoCloseable resource : resources) {
                Thread thread = new Thread(() -> closeQuietly(resource), "data-api-close-" + resource.getClass().getSimpleName());
                thread.start();
                closing.add(thread);
            }
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Could not close {} cleanly: {}", resource.getClass().getSimpleName(), e.getMessage());
        }
    }
}
