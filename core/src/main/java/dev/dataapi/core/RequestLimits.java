package dev.dataapi.core;

import java.time.Clock;
import java.util.Objects;

/**
 * The limits that keep one consumer or tenant from taking the service down for the others.
 *
 * @param keyRates                per-key request rates (token buckets, per instance)
 * @param companies               per-company executions in flight (sync plus running async, per instance)
 * @param maxQueuedJobs           beyond this many queued jobs in the store, new async executions are
 *                                refused with 429 instead of growing the queue without bound; at least 1
 * @param maxQueuedJobsPerCompany beyond this many queued jobs of one company, that company's new async
 *                                executions are refused with 429, so one tenant cannot fill the queue
 *                                for all; at least 1
 */
public record RequestLimits(KeyRateLimiter keyRates, CompanyConcurrency companies, long maxQueuedJobs,
                            long maxQueuedJobsPerCompany) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param keyRates                per-key request rates (token buckets, per instance)
     * @param companies               per-company executions in flight (sync plus running async, per instance)
     * @param maxQueuedJobs           beyond this many queued jobs in the store, new async executions are refused with 429 instead of growing the queue without bound; at least 1
     * @param maxQueuedJobsPerCompany beyond this many queued jobs of one company, that company's new async executions are refused with 429; at least 1
     */
    public RequestLimits {
        Objects.requireNonNull(keyRates, "'keyRates' is required");
        Objects.requireNonNull(companies, "'companies' is required");
        if (maxQueuedJobs < 1) {
            throw new IllegalArgumentException("'maxQueuedJobs' must be at least 1, got " + maxQueuedJobs);
        }
        if (maxQueuedJobsPerCompany < 1) {
            throw new IllegalArgumentException("'maxQueuedJobsPerCompany' must be at least 1, got " + maxQueuedJobsPerCompany);
        }
    }

    /**
     * Limits without a queue share of its own per company: one company may fill the whole queue.
     *
     * @param keyRates      per-key request rates (token buckets, per instance)
     * @param companies     per-company executions in flight (sync plus running async, per instance)
     * @param maxQueuedJobs beyond this many queued jobs in the store, new async executions are refused with 429; at least 1
     */
    public RequestLimits(KeyRateLimiter keyRates, CompanyConcurrency companies, long maxQueuedJobs) {
        this(keyRates, companies, maxQueuedJobs, maxQueuedJobs);
    }

    /**
     * Only keys with their own rate limit are limited; no concurrency cap; no queue cap.
     *
     * @param clock measures the keys' refills
     * @return limits that stop no one without a limit of their own
     */
    public static RequestLimits none(Clock clock) {
        return new RequestLimits(KeyRateLimiter.onlyKeysWithOwnLimits(clock), CompanyConcurrency.unlimited(),
                Long.MAX_VALUE);
    }
}
