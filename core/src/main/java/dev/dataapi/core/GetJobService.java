package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.in.GetJob;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.in.RequestFacts;
import dev.dataapi.ports.out.ApiKeyLookup;
import dev.dataapi.ports.out.EndpointCatalog;
import dev.dataapi.ports.out.JobStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an async job for a consumer. Checks run in the execute path's order (authenticate, rate limit, path,
 * the {@code data_api:get_job} permission, resolve the endpoint within the key's namespace scope) with the
 * same answers, then the
 * job must exist, not have expired, belong to the key's company and to the endpoint in the path,
 * and have run under the key's own share context. Every way of failing that last step answers with
 * the one {@code JOB_NOT_FOUND} detail, so a job id tells nobody else anything: not whether it
 * exists, nor for which endpoint, company or region.
 */
public final class GetJobService implements GetJob {
    static final String JOB_NOT_FOUND_DETAIL = "There is no such job for this endpoint and API key.";
    private static final Logger LOG = System.getLogger(GetJobService.class.getName());

    private final KeyGate gate;
    private final EndpointCatalog endpoints;
    private final JobStore jobs;
    private final Clock clock;

    /**
     * @param keys      finds the caller's key
     * @param keyRates  per-key rate limits: a job read counts like an execution
     * @param usage     records when each key was last used
     * @param endpoints finds the endpoint within the key's company
     * @param jobs      where the jobs are
     * @param clock     the time used for key and job expiry
     */
    public GetJobService(ApiKeyLookup keys, KeyRateLimiter keyRates, KeyUsageRecorder usage, EndpointCatalog endpoints,
                         JobStore jobs, Clock clock) {
        this.gate = new KeyGate(Objects.requireNonNull(keys, "'keys' is required"),
                Objects.requireNonNull(keyRates, "'keyRates' is required"),
                Objects.requireNonNull(usage, "'usage' is required"));
        this.endpoints = Objects.requireNonNull(endpoints, "'endpoints' is required");
        this.jobs = Objects.requireNonNull(jobs, "'jobs' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
    }

    @Override
    public GetJobOutcome get(GetJobCommand command) {
        Instant now = clock.instant();
        KeyGate.Admission admission = gate.admit(command.bearerToken(), now);
        RequestFacts facts = admission.facts();
        if (admission.rejection().isPresent()) {
            return new GetJobOutcome.Rejected(admission.rejection().get(), facts);
        }
        ApiKey key = admission.key().orElseThrow();
        Optional<String> badPath = RequestChecks.pathProblem(command.namespace(), command.slug());
        if (badPath.isPresent()) {
            return rejected(RejectionCode.INVALID_PARAMS, badPath.get(), facts);
        }
        if (!key.has(Permission.GET_JOB)) {
            return rejected(RejectionCode.FORBIDDEN, RequestChecks.forbidden(Permission.GET_JOB.wireName()), facts);
        }
        EndpointRef ref = new EndpointRef(command.namespace(), command.slug());
        if (RequestChecks.reachable(endpoints, key, ref).isEmpty()) {
            return rejected(RejectionCode.ENDPOINT_NOT_FOUND, RequestChecks.endpointNotFound(ref), facts);
        }
        facts = facts.withEndpoint(ref);
        if (!JobId.isValid(command.jobId())) {
            return rejected(RejectionCode.JOB_NOT_FOUND, JOB_NOT_FOUND_DETAIL, facts);
        }
        JobId id = new JobId(command.jobId());
        Optional<Job> stored;
        try {
            stored = jobs.find(id, now);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + LogText.safe(command.requestId()) + ": reading job " + id + " failed",
                    LogText.fault(e));
            return rejected(RejectionCode.INTERNAL_ERROR,
                    "An internal error occurred. Quote request id " + command.requestId() + " to the service's operator.",
                    facts);
        }
        Optional<Job> visible = stored.filter(job -> job.company().equals(key.company())
                && job.endpoint().equals(ref)
                && ShareContexts.same(job.shareContext(), key.shareContext()));
        if (visible.isEmpty()) {
            return rejected(RejectionCode.JOB_NOT_FOUND, JOB_NOT_FOUND_DETAIL, facts);
        }
        Job job = visible.get();
        return new GetJobOutcome.Found(job, sink -> jobs.readResult(id, sink),
                facts.withParametersHash(ParametersHash.of(job.query().parameters())));
    }

    private static GetJobOutcome rejected(RejectionCode code, String detail, RequestFacts facts) {
        return new GetJobOutcome.Rejected(Rejection.of(code, detail), facts);
    }
}
