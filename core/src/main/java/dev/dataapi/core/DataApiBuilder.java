package dev.dataapi.core;

import dev.dataapi.core.memory.InMemoryJobStore;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.out.CallbackAddressPolicy;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.CompanyLookup;
import dev.dataapi.ports.out.EndpointCatalog;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.KeyUsageStore;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.WebhookPayloadEncoder;
import dev.dataapi.ports.out.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

/**
 * Collects what a {@link DataApi} runs on. Only two pieces are required: the catalog and the query
 * executor; everything else has a default that suits one instance with in-memory jobs.
 *
 * <pre>{@code
 * DataApi api = DataApi.builder()
 *         .catalog(new InMemoryCatalogStore(snapshot))     // or your CatalogStore, reloaded every 2 s
 *         .queries(new JdbcQueryExecutor(dataSource))      // or your QueryExecutor
 *         .build();
 * api.start();
 * }</pre>
 *
 * <p>Setters only record; {@link #build()} checks everything at once and names every missing or
 * invalid piece. The builder is not thread-safe; the instances it builds are independent of it and
 * of each other (each gets its own default job store, limits and background threads).
 */
public final class DataApiBuilder {
    /** How often a {@link CatalogStore} is reloaded unless {@link #catalog(CatalogStore, Duration)} says otherwise. */
    public static final Duration DEFAULT_CATALOG_REFRESH = Duration.ofSeconds(2);
    /** How often key last-use times are written unless {@link #keyUsage(KeyUsageStore, Duration)} says otherwise. */
    public static final Duration DEFAULT_KEY_USAGE_FLUSH = Duration.ofSeconds(5);

    // Package-private for DataApiWiring, which reads them only once build() has checked them.
    CatalogStore catalogStore;
    Duration catalogRefresh = DEFAULT_CATALOG_REFRESH;
    boolean catalogStoreGiven;
    EndpointCatalog endpoints;
    ApiKeyLookup keys;
    CompanyLookup companies;
    boolean lookupsGiven;
    QueryExecutor queries;
    JobStore jobs;
    boolean jobsGiven;
    WebhookSender sender;
    WebhookPayloadEncoder encoder;
    CallbackAddressPolicy addresses;
    boolean webhooksGiven;
    KeyUsageStore keyUsage;
    Duration keyUsageFlush = DEFAULT_KEY_USAGE_FLUSH;
    boolean keyUsageGiven;
    RequestLimits limits;
    boolean limitsGiven;
    JobSettings jobSettings = JobSettings.defaults();
    Integer jobWorkers;
    Integer webhookSenders;
    DeliverySettings deliverySettings = DeliverySettings.defaults();
    Clock clock = Clock.systemUTC();
    Function<Instant, JobId> jobIds = JobId::generate;

    DataApiBuilder() {
    }

    /**
     * The catalog, read whole from {@code store} at {@link DataApi#start()} and reloaded every
     * {@link #DEFAULT_CATALOG_REFRESH} (see {@link CachedCatalog}). When the store also implements
     * {@link KeyUsageStore}, key last-use times go to it unless {@link #keyUsage} says otherwise.
     *
     * @param store where companies, endpoints and API keys are kept
     * @return this builder
     */
    public DataApiBuilder catalog(CatalogStore store) {
        return catalog(store, DEFAULT_CATALOG_REFRESH);
    }

    /**
     * Like {@link #catalog(CatalogStore)}, reloaded every {@code refreshInterval}.
     *
     * @param store           where companies, endpoints and API keys are kept
     * @param refreshInterval time between two reloads; a change in the store is served within it
     * @return this builder
     */
    public DataApiBuilder catalog(CatalogStore store, Duration refreshInterval) {
        this.catalogStore = store;
        this.catalogRefresh = refreshInterval;
        this.catalogStoreGiven = true;
        return this;
    }

    /**
     * The catalog as lookups the caller serves and refreshes itself (no {@link CachedCatalog} is
     * made). They are called on every request, so they must be fast and thread-safe. When
     * {@code endpoints} also implements {@link CheckReadiness}, it takes part in {@link DataApi#readiness()}.
     *
     * @param endpoints finds an endpoint within a company
     * @param keys      finds an API key by its token's SHA-256
     * @param companies finds a company (for its webhook signing secret)
     * @return this builder
     */
    public DataApiBuilder catalog(EndpointCatalog endpoints, ApiKeyLookup keys, CompanyLookup companies) {
        this.endpoints = endpoints;
        this.keys = keys;
        this.companies = companies;
        this.lookupsGiven = true;
        return this;
    }

    /**
     * Runs the endpoints' SQL (required). Sync executions run on the caller's thread, async ones on
     * the job workers'.
     *
     * @param executor the query executor, e.g. {@code new JdbcQueryExecutor(dataSource)}
     * @return this builder
     */
    public DataApiBuilder queries(QueryExecutor executor) {
        this.queries = executor;
        return this;
    }

    /**
     * Where async jobs are kept and queued; default a new {@link InMemoryJobStore} per built instance.
     * Instances that share a store share the work.
     *
     * @param store the job store
     * @return this builder
     */
    public DataApiBuilder jobs(JobStore store) {
        this.jobs = store;
        this.jobsGiven = true;
        return this;
    }

    /**
     * Turns webhooks on: an async execution may then carry a {@code callback_url}, checked for form,
     * company signing secret and address at submission, and delivered by sender threads. Without
     * this, any {@code callback_url} is refused with a 422 problem {@code CALLBACKS_NOT_SUPPORTED}.
     *
     * @param sender    makes one HTTP attempt
     * @param encoder   writes a job's outcome as the webhook body
     * @param addresses which hosts a callback may reach (SSRF); asked at submission and by the sender
     * @return this builder
     */
    public DataApiBuilder webhooks(WebhookSender sender, WebhookPayloadEncoder encoder, CallbackAddressPolicy addresses) {
        this.sender = sender;
        this.encoder = encoder;
        this.addresses = addresses;
        this.webhooksGiven = true;
        return this;
    }

    /**
     * Where key last-use times are written, every {@link #DEFAULT_KEY_USAGE_FLUSH}. Default: the
     * catalog store when it implements {@link KeyUsageStore}, else nowhere.
     *
     * @param store the key usage store
     * @return this builder
     */
    public DataApiBuilder keyUsage(KeyUsageStore store) {
        return keyUsage(store, DEFAULT_KEY_USAGE_FLUSH);
    }

    /**
     * Like {@link #keyUsage(KeyUsageStore)}, written every {@code flushInterval}.
     *
     * @param store         the key usage store
     * @param flushInterval time between two batches
     * @return this builder
     */
    public DataApiBuilder keyUsage(KeyUsageStore store, Duration flushInterval) {
        this.keyUsage = store;
        this.keyUsageFlush = flushInterval;
        this.keyUsageGiven = true;
        return this;
    }

    /**
     * Per-key rate limits, per-company concurrency cap and queue cap. Default
     * {@link RequestLimits#none}: only keys with their own rate limit are limited.
     *
     * @param value the limits; not to be shared between built instances (they hold counters)
     * @return this builder
     */
    public DataApiBuilder limits(RequestLimits value) {
        this.limits = value;
        this.limitsGiven = true;
        return this;
    }

    /**
     * How jobs are kept and worked on; default {@link JobSettings#defaults()}.
     *
     * @param value the settings
     * @return this builder
     */
    public DataApiBuilder jobSettings(JobSettings value) {
        this.jobSettings = value;
        return this;
    }

    /**
     * How many job worker threads this instance runs, instead of the job settings' count. Zero
     * accepts and serves jobs but runs none: another instance sharing the job store runs them.
     *
     * @param count zero or more
     * @return this builder
     */
    public DataApiBuilder jobWorkers(int count) {
        this.jobWorkers = count;
        return this;
    }

    /**
     * How many webhook sender threads this instance runs, instead of the delivery settings' count.
     * Zero still accepts callback URLs (with {@link #webhooks}) and stores their deliveries, but sends
     * none: another instance sharing the job store sends them.
     *
     * @param count zero or more
     * @return this builder
     */
    public DataApiBuilder webhookSenders(int count) {
        this.webhookSenders = count;
        return this;
    }

    /**
     * How webhooks are sent and retried; default {@link DeliverySettings#defaults()}. Used only with
     * {@link #webhooks}.
     *
     * @param value the settings
     * @return this builder
     */
    public DataApiBuilder deliverySettings(DeliverySettings value) {
        this.deliverySettings = value;
        return this;
    }

    /**
     * The time for key expiry, job timestamps, leases and webhook signatures; default the system
     * clock in UTC.
     *
     * @param value the clock
     * @return this builder
     */
    public DataApiBuilder clock(Clock value) {
        this.clock = value;
        return this;
    }

    /**
     * Gives each new job its id from its submission time; default {@link JobId#generate}. Ids must be
     * unique in the job store; a generator that throws answers the execution with an internal error.
     *
     * @param generator the id generator, thread-safe
     * @return this builder
     */
    public DataApiBuilder jobIds(Function<Instant, JobId> generator) {
        this.jobIds = generator;
        return this;
    }

    /**
     * Checks every input and wires a new, not yet started {@link DataApi}.
     *
     * @return the new instance
     * @throws IllegalStateException naming every missing or invalid piece, all at once
     */
    public DataApi build() {
        BuilderProblems problems = new BuilderProblems();
        if (catalogStoreGiven && lookupsGiven) {
            problems.add("give the catalog once: catalog(CatalogStore) or catalog(EndpointCatalog, ApiKeyLookup,"
                    + " CompanyLookup), not both");
        } else if (catalogStoreGiven) {
            problems.requireGiven("catalog store", catalogStore);
            problems.requireInterval("catalog refresh interval", catalogRefresh);
        } else if (lookupsGiven) {
            problems.requireGiven("endpoint catalog", endpoints);
            problems.requireGiven("API key lookup", keys);
            problems.requireGiven("company lookup", companies);
        } else {
            problems.add("the catalog must be given: catalog(CatalogStore), or catalog(EndpointCatalog, ApiKeyLookup,"
                    + " CompanyLookup) for lookups you serve yourself");
        }
        problems.requireGiven("query executor (queries)", queries);
        if (jobsGiven) {
            problems.requireGiven("job store", jobs);
        }
        if (webhooksGiven) {
            problems.requireGiven("webhook sender", sender);
            problems.requireGiven("webhook payload encoder", encoder);
            problems.requireGiven("callback address policy", addresses);
            problems.requireGiven("delivery settings", deliverySettings);
        }
        if (keyUsageGiven) {
            problems.requireGiven("key usage store", keyUsage);
            problems.requireInterval("key usage flush interval", keyUsageFlush);
        }
        if (limitsGiven) {
            problems.requireGiven("request limits", limits);
        }
        problems.requireGiven("job settings", jobSettings);
        if (jobWorkers != null && jobWorkers < 0) {
            problems.add("'job workers' must be 0 or more, got " + jobWorkers);
        }
        if (webhookSenders != null && webhookSenders < 0) {
            problems.add("'webhook senders' must be 0 or more, got " + webhookSenders);
        }
        problems.requireGiven("clock", clock);
        problems.requireGiven("job id generator (jobIds)", jobIds);
        problems.throwIfAny();
        return DataApiWiring.wire(this);
    }
}
