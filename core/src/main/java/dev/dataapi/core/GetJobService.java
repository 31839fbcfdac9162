package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.in.GetJob;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Rejection;
import dev.dataapi.ports.in.RejectionCode;
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
 * Reads an async job for a consumer. Checks run in the execute path's order (authenticate, path,
 * the {@code data_api:get_job} permission, resolve the endpoint) with the same answers, then the
 * job must exist, not have expired, belong to the key's company and to the endpoint in the path,
 * and have run under the key's own share context. Every way of failing that last step answers with
 * the one {@code JOB_NOT_FOUND} detail, so a job id tells nobody else anything: not whether it
 * exists, nor for which endpoint, company or region.
 */
public final class GetJobService implements GetJob {
    static final String JOB_NOT_FOUND_DETAIL = "There is no such job for this endpoint and API key.";
    private static final Logger LOG = System.getLogger(GetJobService.class.getName());

    private final ApiKeyLookup keys;
    private final EndpointCatalog endpoints;
    private final JobStore jobs;
    private final Clock clock;

    public GetJobService(ApiKeyLookup keys, EndpointCatalog endpoints, JobStore jobs, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "'keys' is required");
        this.endpoints = Objects.requireNonNull(endpoints, "'endpoints' is required");
        this.jobs = Objects.requireNonNull(jobs, "'jobs' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
    }

    @Override
    public GetJobOutcome get(GetJobCommand command) {
        Instant now = clock.instant();
        Optional<ApiKey> authenticated = RequestChecks.authenticate(keys, command.bearerToken(), now);
        if (authenticated.isEmpty()) {
            return rejected(RejectionCode.UNAUTHORIZED, RequestChecks.UNAUTHORIZED_DETAIL);
        }
        ApiKey key = authenticated.get();
        Optional<String> badPath = RequestChecks.pathProblem(command.namespace(), command.slug());
        if (badPath.isPresent()) {
            return rejected(RejectionCode.INVALID_PARAMS, badPath.get());
        }
        if (!key.has(Permission.GET_JOB)) {
            return rejected(RejectionCode.FORBIDDEN, RequestChecks.forbidden(Permission.GET_JOB.wireName()));
        }
        EndpointRef ref = new EndpointRef(command.namespace(), command.slug());
        Optional<Endpoint> endpoint = endpoints.findEndpoint(key.company(), ref).filter(Endpoint::active);
        if (endpoint.isEmpty()) {
            return rejected(RejectionCode.ENDPOINT_NOT_FOUND, RequestChecks.endpointNotFound(ref));
        }
        if (!JobId.isValid(command.jobId())) {
            return rejected(RejectionCode.JOB_NOT_FOUND, JOB_NOT_FOUND_DETAIL);
        }
        JobId id = new JobId(command.jobId());
        Optional<Job> stored;
        try {
            stored = jobs.find(id, now);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "request " + LogText.safe(command.requestId()) + ": reading job " + id + " failed",
                    LogText.fault(e));
            return rejected(RejectionCode.INTERNAL_ERROR,
                    "An internal error occurred. Quote request id " + command.requestId() + " to the service's operator.");
        }
        Optional<Job> visible = stored.filter(job -> job.company().equals(key.company())
                && job.endpoint().equals(ref)
                && ShareContexts.same(job.shareContext(), key.shareContext()));
        if (visible.isEmpty()) {
            return rejected(RejectionCode.JOB_NOT_FOUND, JOB_NOT_FOUND_DETAIL);
        }
        return new GetJobOutcome.Found(visible.get(), sink -> jobs.readResult(id, sink));
    }

    private static GetJobOutcome rejected(RejectionCode code, String detail) {
        return new GetJobOutcome.Rejected(Rejection.of(code, detail));
    }
}
