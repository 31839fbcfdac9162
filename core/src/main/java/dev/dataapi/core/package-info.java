/**
 * The decisions of Data API, independent of any framework or database. Core decides who a caller
 * is (a token's SHA-256 against the catalog's keys), which endpoint a request means (only ever
 * within the key's company), whether its parameter values are acceptable (names, strict types,
 * constraints, required values, all problems reported together), what the key's share context
 * pins and forbids, and how a query's outcome becomes the consumer's answer without leaking
 * database detail. It also keeps the catalog served from memory ({@link dev.dataapi.core.CachedCatalog})
 * and checks the rules a catalog must meet as a whole ({@link dev.dataapi.core.CatalogValidator}).
 *
 * <p>Async endpoints: {@link dev.dataapi.core.ExecuteEndpointService} stores a validated execution as a
 * queued job, {@link dev.dataapi.core.JobWorkers} run queued jobs from the store every instance shares
 * (claims with leases renewed by heartbeats, fenced so a worker that lost its job cannot store a result),
 * and {@link dev.dataapi.core.GetJobService} shows a job only to keys of its company, endpoint and share
 * context. {@link dev.dataapi.core.memory.InMemoryJobStore} is the reference store.
 *
 * <p>Webhooks: a {@code callback_url} is checked at submission (its form, a signing secret on the
 * company, the addresses its host resolves to), and {@link dev.dataapi.core.CallbackDeliveries} sends
 * each ended job's outcome, signed the Standard Webhooks way, retrying on a
 * {@link dev.dataapi.core.RetrySchedule} with its state kept in the job store, so any instance may
 * make the next attempt and a restart loses none.
 *
 * <p>Core depends on {@code dev.dataapi.ports} and the JDK only; adapters plug into its ports and
 * {@code app} wires them with plain constructors.
 */
package dev.dataapi.core;
