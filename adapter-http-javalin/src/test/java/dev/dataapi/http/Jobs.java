package dev.dataapi.http;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.QueryRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Jobs in each state of their life, as a job store would hand them to the use case. */
final class Jobs {

    static final String ID = "507f1f77bcf86cd799439011";
    static final EndpointRef ENDPOINT = new EndpointRef("sales", "by-region");
    // Sub-second parts on purpose: the API shows whole seconds.
    static final Instant CREATED = Instant.parse("2026-04-11T10:30:00.750Z");
    static final Instant FINISHED = Instant.parse("2026-04-11T10:31:05.999999Z");
    static final String CALLBACK_URL = "https://hooks.example.com/data-api";

    private Jobs() {
    }

    static Job queued() {
        return submitted(Optional.empty());
    }

    /** Queued, with a webhook to deliver once it ends. */
    static Job queuedWithCallback() {
        return submitted(Optional.of(CALLBACK_URL));
    }

    static Job completedWithCallback(int rowCount, boolean truncated) {
        return queuedWithCallback().start().complete(new ResultSummary(List.of(), rowCount, truncated), FINISHED);
    }

    static Job failedWithCallback(String error) {
        return queuedWithCallback().start().fail(error, FINISHED);
    }

    static Job running() {
        return queued().start();
    }

    static Job completed(int rowCount, boolean truncated) {
        return running().complete(new ResultSummary(List.of(), rowCount, truncated), FINISHED);
    }

    static Job failed(String error) {
        return running().fail(error, FINISHED);
    }

    private static Job submitted(Optional<String> callbackUrl) {
        return Job.submit(new JobId(ID), new CompanyId("acme"), ENDPOINT, "acme-partner", ShareContext.none(),
                new QueryRequest("SELECT region FROM sales", List.of(), 10_000, Duration.ofMinutes(15), "rid-submit"),
                callbackUrl, CREATED, Duration.ofDays(1));
    }
}
