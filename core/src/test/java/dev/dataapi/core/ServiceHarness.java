package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;

import dev.dataapi.core.memory.InMemoryCatalogStore;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.fixtures.ApiKeyBuilder;
import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.QueryRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real {@link ExecuteEndpointService} and {@link GetJobService} over an in-memory catalog
 * (through {@link CachedCatalog}; company acme has a webhook signing secret), an in-memory job store,
 * a callback address policy that allows every host unless told otherwise, and a query executor that
 * records each request and answers as the test says. Submitted jobs are counted as wake-ups, not run.
 */
final class ServiceHarness {
    static final Instant NOW = Instant.parse("2026-04-11T10:30:00Z");
    static final String TOKEN = ApiKeyBuilder.DEFAULT_TOKEN;
    static final String REQUEST_ID = "req-7f3a";
    static final String WEBHOOK_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    final MutableClock clock = new MutableClock(NOW);
    final List<QueryRequest> requests = new ArrayList<>();
    final List<List<Object>> rows = new ArrayList<>();
    private final InMemoryCatalogStore store = new InMemoryCatalogStore();
    private final CachedCatalog catalog = new CachedCatalog(store, Duration.ofMinutes(1));
    private QueryExecutor answer = (request, sink) -> new QueryOutcome.Completed(0, false);
    final ObservableJobStore jobs = new ObservableJobStore();
    final AtomicInteger wakeUps = new AtomicInteger();
    /** Every URL the address policy was asked about, in order. */
    final List<String> addressChecks = new CopyOnWriteArrayList<>();
    private volatile Optional<String> addressRefusal = Optional.empty();
    private volatile boolean wakeUpFails;
    final ExecuteEndpointService service;
    final GetJobService getJob;
    /** Records key usage into the in-memory catalog store; flushed only when a test says so. */
    final KeyUsageRecorder usage = new KeyUsageRecorder(store);

    ServiceHarness() {
        this(null);
    }

    /** A harness whose services apply {@code limits} (when null: only keys with their own rate limit are limited). */
    ServiceHarness(RequestLimits limits) {
        RequestLimits applied = limits == null ? RequestLimits.none(clock) : limits;
        service = new ExecuteEndpointService(catalog, applied, usage, catalog, catalog, (request, sink) -> {
            requests.add(request);
            return answer.execute(request, sink);
        }, jobs, JobSettings.defaults(), new HttpsCallbackUrlPolicy(), url -> {
            addressChecks.add(url);
            return addressRefusal;
        }, this::wakeUp, clock);
        getJob = new GetJobService(catalog, applied.keyRates(), usage, catalog, jobs, clock);
        store.apply(new CatalogSnapshot(List.of(aCompany().withWebhookSecret(WEBHOOK_SECRET).build()), List.of(),
                List.of()));
    }

    /** The default catalog: company acme, the given endpoints, and the default key with execute permission. */
    static ServiceHarness with(Endpoint... endpoints) {
        return new ServiceHarness().add(endpoints).add(aKey().build());
    }

    /** The catalog store behind the harness, for key usage and direct edits. */
    InMemoryCatalogStore store() {
        return store;
    }

    ServiceHarness add(Endpoint... endpoints) {
        store.apply(new CatalogSnapshot(List.of(), List.of(endpoints), List.of()));
        catalog.refreshNow();
        return this;
    }

    ServiceHarness add(ApiKey... keys) {
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(keys)));
        catalog.refreshNow();
        return this;
    }

    ServiceHarness addCompany(String id) {
        store.apply(new CatalogSnapshot(List.of(aCompany().withId(id).build()), List.of(), List.of()));
        catalog.refreshNow();
        return this;
    }

    /** Company acme loses its webhook signing secret. */
    ServiceHarness withoutWebhookSecret() {
        store.apply(new CatalogSnapshot(List.of(aCompany().build()), List.of(), List.of()));
        catalog.refreshNow();
        return this;
    }

    /** From now on the address policy refuses every callback URL with {@code sentence}. */
    ServiceHarness refusingAddresses(String sentence) {
        addressRefusal = Optional.of(sentence);
        return this;
    }

    /** From now on waking the workers throws (after being counted). */
    ServiceHarness failingWakeUps() {
        wakeUpFails = true;
        return this;
    }

    private void wakeUp() {
        wakeUps.incrementAndGet();
        if (wakeUpFails) {
            throw new IllegalStateException("the workers are gone");
        }
    }

    /** Queries run on {@code executor} (after being recorded). */
    ServiceHarness answering(QueryExecutor executor) {
        this.answer = executor;
        return this;
    }

    /** Every query ends with {@code outcome}. */
    ServiceHarness answering(QueryOutcome outcome) {
        return answering((request, sink) -> outcome);
    }

    ExecuteOutcome execute(Optional<String> token, String namespace, String slug, ExecuteInput input) {
        ResultSink sink = new ResultSink() {
            @Override
            public void columns(List<Column> columns) {
            }

            @Override
            public void row(Object[] values) {
                rows.add(Arrays.asList(values.clone()));
            }
        };
        return service.execute(new ExecuteCommand(token, namespace, slug, input, REQUEST_ID), sink);
    }

    /** Runs {@code sales/by-region} with the default token and these parameter values. */
    ExecuteOutcome execute(Map<String, Object> values) {
        return execute(Optional.of(TOKEN), "sales", "by-region", new ExecuteInput.Parsed(values, Optional.empty()));
    }

    ExecuteOutcome execute() {
        return execute(Map.of());
    }

    /** Reads a job with the given token and path. */
    GetJobOutcome get(Optional<String> token, String namespace, String slug, String jobId) {
        return getJob.get(new GetJobCommand(token, namespace, slug, jobId, REQUEST_ID));
    }

    /** The jobs claimable now: every queued job, claimed (and so taken off the queue) in submission order. */
    List<Job> takeQueuedJobs() {
        List<Job> taken = new ArrayList<>();
        Optional<ClaimedJob> next;
        while ((next = jobs.claimNext(clock.instant(), Duration.ofMinutes(1), 3)).isPresent()) {
            taken.add(next.get().job());
        }
        return taken;
    }

    /** The rejection of {@code outcome}; fails when it was executed. */
    static Rejection rejection(ExecuteOutcome outcome) {
        if (!(outcome instanceof ExecuteOutcome.Rejected)) {
            throw new AssertionError("expected a rejection, got " + outcome);
        }
        return ((ExecuteOutcome.Rejected) outcome).rejection();
    }

    /** The rejection of {@code outcome}; fails when the job was found. */
    static Rejection rejection(GetJobOutcome outcome) {
        if (!(outcome instanceof GetJobOutcome.Rejected)) {
            throw new AssertionError("expected a rejection, got " + outcome);
        }
        return ((GetJobOutcome.Rejected) outcome).rejection();
    }

    /** The values the only query ran with, by parameter name, in binding order. */
    Map<String, Object> boundValues() {
        if (requests.size() != 1) {
            throw new AssertionError("expected exactly one query, got " + requests.size());
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (BoundParameter parameter : requests.get(0).parameters()) {
            values.put(parameter.name(), parameter.value());
        }
        return values;
    }

    /** Builds a parameter map that may hold nulls, in the given order. */
    static Map<String, Object> values(Object... namesAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return values;
    }
}
