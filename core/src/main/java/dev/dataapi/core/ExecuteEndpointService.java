package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteEndpoint;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.in.RequestFacts;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.out.CallbackAddressPolicy;
import dev.dataapi.ports.out.CompanyLookup;
import dev.dataapi.ports.out.EndpointCatalog;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.QueryExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an endpoint for a consumer. The checks run in the contract's order and the first failure
 * answers: authenticate, rate limit, path, permission, resolve (within the key's namespace scope),
 * body, parameters, share context, callback, company concurrency (sync) or queue depth (async),
 * execute. The order matters for what a caller can learn: nobody unauthenticated learns whether a
 * path is well-formed, and nobody learns whether an endpoint they cannot run exists.
 *
 * <p>A sync endpoint's query runs on the calling thread and streams into the sink. An async
 * endpoint's execution is stored as a queued job (nothing is stored when any check fails) and
 * answered with {@link ExecuteOutcome.Accepted}; {@link JobWorkers} run it.
 */
public final class ExecuteEndpointService implements ExecuteEndpoint {
    static final String UNAUTHORIZED_DETAIL = RequestChecks.UNAUTHORIZED_DETAIL;
    private static final String CALLBACK_ON_SYNC = "callback_url is only accepted by async endpoints";

    private final KeyGate gate;
    private final EndpointCatalog endpoints;
    private final CompanyConcurrency concurrency;
    private final QueryRunner runner;
    private final CallbackChecks callbacks;
    private final JobSubmitter submitter;
    private final Clock clock;

    /**
     * @param keys         finds the caller's key
     * @param limits       rate limits, the company concurrency cap and the queue cap
     * @param usage        records when each key was last used
     * @param endpoints    finds the endpoint within the key's company
     * @param companies    finds the endpoint's company: a callback needs its webhook signing secret
     * @param queries      runs sync endpoints' queries
     * @param jobs         stores async endpoints' executions as queued jobs
     * @param jobSettings  how long a job is kept ({@link JobSettings#retention()})
     * @param callbacks    the form a {@code callback_url} must have, typically {@link HttpsCallbackUrlPolicy}
     * @param addresses    which hosts a {@code callback_url} may point to (SSRF); asked only for URLs of
     *                     the right form, on the request thread (it may block on DNS)
     * @param jobSubmitted called after each job is stored, typically {@link JobWorkers#wakeUp()}; a
     *                     failure there is logged and does not fail the request
     * @param clock        the time used for key expiry, {@code executed_at} and job timestamps
     */
    public ExecuteEndpointService(ApiKeyLookup keys, RequestLimits limits, KeyUsageRecorder usage,
                                  EndpointCatalog endpoints, CompanyLookup companies,
                                  QueryExecutor queries, JobStore jobs, JobSettings jobSettings, CallbackUrlPolicy callbacks,
                                  CallbackAddressPolicy addresses, Runnable jobSubmitted, Clock clock) {
        this(keys, limits, usage, endpoints, companies, queries, jobs, jobSettings, callbacks, addresses, jobSubmitted,
                clock, JobId::generate);
    }

    /**
     * Like the public constructor, with the jobs' ids from {@code jobIds} instead of {@link JobId#generate}
     * (for {@link DataApiBuilder#jobIds}).
     */
    ExecuteEndpointService(ApiKeyLookup keys, RequestLimits limits, KeyUsageRecorder usage,
                           EndpointCatalog endpoints, CompanyLookup companies,
                           QueryExecutor queries, JobStore jobs, JobSettings jobSettings, CallbackUrlPolicy callbacks,
                           CallbackAddressPolicy addresses, Runnable jobSubmitted, Clock clock,
                           Function<Instant, JobId> jobIds) {
        Objects.requireNonNull(limits, "'limits' is required");
        this.gate = new KeyGate(Objects.requireNonNull(keys, "'keys' is required"), limits.keyRates(),
                Objects.requireNonNull(usage, "'usage' is required"));
        this.concurrency = limits.companies();
        this.endpoints = Objects.requireNonNull(endpoints, "'endpoints' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
        this.runner = new QueryRunner(Objects.requireNonNull(queries, "'queries' is required"), clock);
        this.callbacks = new CallbackChecks(Objects.requireNonNull(callbacks, "'callbacks' is required"),
                Objects.requireNonNull(addresses, "'addresses' is required"),
                Objects.requireNonNull(companies, "'companies' is required"));
        this.submitter = new JobSubmitter(Objects.requireNonNull(jobs, "'jobs' is required"),
                Objects.requireNonNull(jobSettings, "'jobSettings' is required").retention(), limits,
                Objects.requireNonNull(jobSubmitted, "'jobSubmitted' is required"), clock,
                Objects.requireNonNull(jobIds, "'jobIds' is required"));
    }

    @Override
    public ExecuteOutcome execute(ExecuteCommand command, ResultSink sink) {
        KeyGate.Admission admission = gate.admit(command.bearerToken(), clock.instant());
        RequestFacts facts = admission.facts();
        if (admission.rejection().isPresent()) {
            return new ExecuteOutcome.Rejected(admission.rejection().get(), facts);
        }
        ApiKey key = admission.key().orElseThrow();
        Optional<String> badPath = RequestChecks.pathProblem(command.namespace(), command.slug());
        if (badPath.isPresent()) {
            return rejected(RejectionCode.INVALID_PARAMS, badPath.get(), facts);
        }
        if (!key.has(Permission.EXECUTE)) {
            return rejected(RejectionCode.FORBIDDEN, RequestChecks.forbidden(Permission.EXECUTE.wireName()), facts);
        }
        EndpointRef ref = new EndpointRef(command.namespace(), command.slug());
        Optional<Endpoint> found = RequestChecks.reachable(endpoints, key, ref);
        if (found.isEmpty()) {
            // Missing, inactive, out of the key's scope and another company's endpoint answer alike: no existence oracle.
            return rejected(RejectionCode.ENDPOINT_NOT_FOUND, RequestChecks.endpointNotFound(ref), facts);
        }
        Endpoint endpoint = found.get();
        facts = facts.withEndpoint(ref);
        if (command.input() instanceof ExecuteInput.TooLarge) {
            return rejected(RejectionCode.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of "
                    + ((ExecuteInput.TooLarge) command.input()).limitBytes() + " bytes.", facts);
        }
        if (command.input() instanceof ExecuteInput.Unreadable) {
            return rejected(RejectionCode.INVALID_PARAMS, ((ExecuteInput.Unreadable) command.input()).reason(), facts);
        }
        ExecuteInput.Parsed input = (ExecuteInput.Parsed) command.input();
        ParameterCheck check = ParameterValidator.validate(endpoint, input.parameterValues(), key.shareContext());
        if (!check.valid()) {
            return withProblems(RejectionCode.INVALID_PARAMETER, invalidCount(check.problemCount()), check.problems(), facts);
        }
        PinOutcome pins = ShareContextPolicy.apply(endpoint, check.supplied(), key.shareContext());
        if (!pins.allowed()) {
            return withProblems(RejectionCode.SHARE_CONTEXT_VIOLATION,
                    "The parameter values are not allowed for this API key.", pins.violations(), facts);
        }
        List<BoundParameter> bound = bind(endpoint, check.supplied(), pins.pinned());
        facts = facts.withParametersHash(ParametersHash.of(bound));
        if (endpoint.mode() == ExecutionMode.SYNC && input.callbackUrl().isPresent()) {
            return withProblems(RejectionCode.INVALID_PARAMETER, CALLBACK_ON_SYNC,
                    List.of(new ParameterProblem("callback_url", "NOT_ALLOWED", CALLBACK_ON_SYNC)), facts);
        }
        if (endpoint.mode() == ExecutionMode.ASYNC) {
            Optional<ParameterProblem> badCallback = input.callbackUrl()
                    .flatMap(url -> callbacks.check(url, endpoint.company()));
            if (badCallback.isPresent()) {
                return withProblems(RejectionCode.INVALID_PARAMETER, badCallback.get().message(),
                        List.of(badCallback.get()), facts);
            }
            return submitter.submit(key, endpoint, bound, input.callbackUrl(), command.requestId()).withFacts(facts);
        }
        Optional<CompanyConcurrency.Permit> permit = concurrency.tryAcquire(key.company());
        if (permit.isEmpty()) {
            return new ExecuteOutcome.Rejected(CapacityRejections.companyAtCap(concurrency.maxPerCompany()), facts);
        }
        try (CompanyConcurrency.Permit held = permit.get()) {
            return runner.run(endpoint, bound, command.requestId(), sink).withFacts(facts);
        }
    }

    /** Every declared parameter in declaration order: the caller's value, else the pin, else the default, else null. */
    private static List<BoundParameter> bind(Endpoint endpoint, Map<String, Object> supplied, Map<String, Object> pinned) {
        List<BoundParameter> bound = new ArrayList<>();
        for (ParameterSpec spec : endpoint.parameters()) {
            Object value = supplied.containsKey(spec.name()) ? supplied.get(spec.name())
                    : pinned.containsKey(spec.name()) ? pinned.get(spec.name())
                    : spec.defaultValue().orElse(null);
            bound.add(new BoundParameter(spec.name(), spec.type(), value));
        }
        return bound;
    }

    private static String invalidCount(int count) {
        return count == 1 ? "1 parameter value is invalid" : count + " parameter values are invalid";
    }

    private static ExecuteOutcome rejected(RejectionCode code, String detail, RequestFacts facts) {
        return new ExecuteOutcome.Rejected(Rejection.of(code, detail), facts);
    }

    private static ExecuteOutcome withProblems(RejectionCode code, String detail, List<ParameterProblem> problems,
                                               RequestFacts facts) {
        return new ExecuteOutcome.Rejected(Rejection.withProblems(code, detail, problems), facts);
    }
}
