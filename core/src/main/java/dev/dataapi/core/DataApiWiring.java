package dev.dataapi.core;

import dev.dataapi.core.memory.InMemoryJobStore;
import dev.dataapi.ports.in.CheckReadiness;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.out.CallbackAddressPolicy;
import dev.dataapi.ports.out.CompanyLookup;
import dev.dataapi.ports.out.EndpointCatalog;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.KeyUsageStore;
import java.util.Optional;

/**
 * Wires a {@link DataApi} from a checked {@link DataApiBuilder} the way the server's composition root
 * does: the catalog cached from its store, the limits' company cap shared by sync executions and job
 * workers, the workers woken by submissions and the webhook senders by ended jobs. Every default is
 * made here, once per built instance, so two instances never share a job store or a counter by accident.
 */
final class DataApiWiring {
    /** The problem code of a {@code callback_url} sent to an instance built without webhooks. */
    static final String CALLBACKS_NOT_SUPPORTED = "CALLBACKS_NOT_SUPPORTED";
    private static final String CALLBACKS_OFF = "callback_url is not supported by this service; poll the job instead";

    private DataApiWiring() {
    }

    static DataApi wire(DataApiBuilder in) {
        CachedCatalog cached = in.catalogStoreGiven ? new CachedCatalog(in.catalogStore, in.catalogRefresh) : null;
        EndpointCatalog endpoints = cached != null ? cached : in.endpoints;
        ApiKeyLookup keys = cached != null ? cached : in.keys;
        CompanyLookup companies = cached != null ? cached : in.companies;
        CheckReadiness catalogReadiness = cached != null ? cached
                : in.endpoints instanceof CheckReadiness ? (CheckReadiness) in.endpoints : () -> true;
        JobStore jobs = in.jobsGiven ? in.jobs : new InMemoryJobStore();
        RequestLimits limits = in.limitsGiven ? in.limits : RequestLimits.none(in.clock);
        Optional<KeyUsageStore> usageStore = in.keyUsageGiven ? Optional.of(in.keyUsage)
                : in.catalogStore instanceof KeyUsageStore ? Optional.of((KeyUsageStore) in.catalogStore) : Optional.empty();
        KeyUsageRecorder usage = usageStore.map(KeyUsageRecorder::new).orElseGet(KeyUsageRecorder::discarding);

        // Delivery settings are required, and read, only with webhooks.
        int senderCount = !in.webhooksGiven ? 0 : in.webhookSenders == null ? in.deliverySettings.senders() : in.webhookSenders;
        Optional<CallbackDeliveries> deliveries = senderCount > 0
                ? Optional.of(new CallbackDeliveries(jobs, companies, in.encoder, in.sender,
                        in.deliverySettings.withSenders(senderCount), in.clock))
                : Optional.empty();
        Runnable callbackDue = deliveries.<Runnable>map(senders -> senders::wakeUp).orElse(() -> { });
        int workerCount = in.jobWorkers == null ? in.jobSettings.workers() : in.jobWorkers;
        Optional<JobWorkers> workers = workerCount == 0 ? Optional.empty()
                : Optional.of(new JobWorkers(jobs, in.queries, in.jobSettings.withWorkers(workerCount), limits.companies(),
                        in.clock, callbackDue));
        Runnable jobSubmitted = workers.<Runnable>map(running -> running::wakeUp).orElse(() -> { });

        CallbackUrlPolicy callbackForm = in.webhooksGiven ? new HttpsCallbackUrlPolicy() : DataApiWiring::callbacksOff;
        CallbackAddressPolicy callbackAddresses = in.webhooksGiven ? in.addresses : url -> Optional.of(CALLBACKS_OFF);
        ExecuteEndpointService execute = new ExecuteEndpointService(keys, limits, usage, endpoints, companies, in.queries,
                jobs, in.jobSettings, callbackForm, callbackAddresses, jobSubmitted, in.clock, in.jobIds);
        GetJobService getJob = new GetJobService(keys, limits.keyRates(), usage, endpoints, jobs, in.clock);
        return new DataApi(execute, getJob, catalogReadiness, Optional.ofNullable(cached), workers, deliveries, usage,
                usageStore.map(store -> in.keyUsageFlush));
    }

    /** Without webhooks every callback URL is refused by its form check, before any DNS lookup. */
    private static Optional<ParameterProblem> callbacksOff(String callbackUrl) {
        return Optional.of(new ParameterProblem(HttpsCallbackUrlPolicy.FIELD, CALLBACKS_NOT_SUPPORTED, CALLBACKS_OFF));
    }
}
