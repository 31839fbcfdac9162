package dev.dataapi.core;

import dev.dataapi.ports.CompanyId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Caps how many executions (sync requests plus running async jobs) one company has in flight on
 * this instance, so that one tenant cannot hold every database connection while the others wait.
 * Per instance: with N instances a company may run up to N times the cap in total. Thread-safe.
 */
public final class CompanyConcurrency {
    private final int maxPerCompany;
    private final Map<CompanyId, Integer> running = new ConcurrentHashMap<>();

    /** @param maxPerCompany executions one company may have in flight at once, at least 1 */
    public CompanyConcurrency(int maxPerCompany) {
        if (maxPerCompany < 1) {
            throw new IllegalArgumentException("'maxPerCompany' must be at least 1, got " + maxPerCompany);
        }
        this.maxPerCompany = maxPerCompany;
    }

    /**
     * No cap at all (for embedders and tests that do not want one).
     *
     * @return a cap no company reaches
     */
    public static CompanyConcurrency unlimited() {
        return new CompanyConcurrency(Integer.MAX_VALUE);
    }

    /**
     * The cap.
     *
     * @return executions one company may have in flight on this instance
     */
    public int maxPerCompany() {
        return maxPerCompany;
    }

    /** A permit to run one execution for {@code company}, or empty when it is at its cap. Close the permit when done. */
    Optional<Permit> tryAcquire(CompanyId company) {
        AtomicBoolean granted = new AtomicBoolean();
        running.compute(company, (id, count) -> {
            int now = count == null ? 0 : count;
            if (now >= maxPerCompany) {
                return count;
            }
            granted.set(true);
            return now + 1;
        });
        return granted.get() ? Optional.of(new Permit(company)) : Optional.empty();
    }

    /** The companies that may not start another execution right now. */
    Set<CompanyId> atCapacity() {
        return running.entrySet().stream()
                .filter(entry -> entry.getValue() >= maxPerCompany)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** How many executions {@code company} has in flight. */
    int inFlight(CompanyId company) {
        return running.getOrDefault(company, 0);
    }

    /** One execution's hold on its company's capacity; closing it twice releases once. */
    final class Permit implements AutoCloseable {
        private final CompanyId company;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(CompanyId company) {
            this.company = company;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                running.computeIfPresent(company, (id, count) -> count <= 1 ? null : count - 1);
            }
        }
    }
}
