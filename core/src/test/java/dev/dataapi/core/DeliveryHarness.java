package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static dev.dataapi.ports.fixtures.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.out.ClaimedJob;
import dev.dataapi.ports.out.JobResultWriter;
import dev.dataapi.ports.out.WebhookPayloadEncoder;
import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import dev.dataapi.ports.out.WebhookSender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Webhook senders over an observable in-memory job store, a company lookup the test edits, an
 * encoder that writes the job's id, status and stored rows, and a clock the test moves. Senders
 * started here are closed by {@link #close()}.
 */
final class DeliveryHarness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-04-11T10:30:00Z");
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String HOOK = "https://hooks.example.com/data-api/done?token=receiver-token-7";
    /** The one stored value of every completed job: it must reach the body and never the log. */
    static final String ROW_VALUE = "confidential-revenue-42";
    private static final Duration JOB_LEASE = Duration.ofSeconds(30);

    final MutableClock clock = new MutableClock(NOW);
    final ObservableJobStore jobs = new ObservableJobStore();
    /** Every job the encoder was given, in order. */
    final List<Job> encoded = new CopyOnWriteArrayList<>();
    private final Map<CompanyId, Company> companies = new ConcurrentHashMap<>();
    private final List<CallbackDeliveries> started = new ArrayList<>();
    private final AtomicReference<Throwable> encoderFailure = new AtomicReference<>();
    final WebhookPayloadEncoder encoder = (job, result) -> {
        encoded.add(job);
        Throwable failure = encoderFailure.getAndSet(null);
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        String rows = "[]";
        if (job.state() == JobState.COMPLETED) {
            RecordingSink sink = new RecordingSink();
            result.writeTo(sink);
            rows = sink.rows().toString();
        }
        return ("{\"job_id\":\"" + job.id() + "\",\"status\":\"" + job.state().publicStatus() + "\",\"rows\":\"" + rows
                + "\"}").getBytes(StandardCharsets.UTF_8);
    };

    DeliveryHarness() {
        companies.put(new CompanyId("acme"), aCompany().withWebhookSecret(SECRET).build());
    }

    /** One sender, a 60 s lease, retries after 5 s, 5 min and 30 min without jitter, polling only when woken. */
    static DeliverySettings settings() {
        return DeliverySettings.defaults().withSenders(1).withRetries(RetrySchedule.parse("5s,5m,30m")).withJitter(0)
                .withPollInterval(Duration.ofHours(1)).withShutdownGrace(Duration.ofSeconds(WorkerHarness.WAIT_SECONDS));
    }

    /** Creates and starts senders with {@link #settings()}. */
    CallbackDeliveries start(WebhookSender sender) {
        return start(settings(), sender);
    }

    CallbackDeliveries start(DeliverySettings settings, WebhookSender sender) {
        CallbackDeliveries deliveries = new CallbackDeliveries(jobs, id -> Optional.ofNullable(companies.get(id)), encoder,
                sender, settings, clock);
        started.add(deliveries);
        deliveries.start();
        return deliveries;
    }

    /** Stores a job with a callback and completes it now with one row holding {@link #ROW_VALUE}. */
    Job completed() {
        ClaimedJob claimed = claimNew();
        try (JobResultWriter writer = jobs.resultWriter(claimed.claim())) {
            List<Column> columns = List.of(new Column("total", "text"));
            writer.columns(columns);
            writer.row(new Object[] {ROW_VALUE});
            jobs.complete(claimed.claim(), writer, new ResultSummary(columns, 1, false), clock.instant());
        }
        return find(claimed.job().id());
    }

    /** Stores a job with a callback and fails it now. */
    Job failed() {
        ClaimedJob claimed = claimNew();
        jobs.fail(claimed.claim(), "The query failed. Quote job id " + claimed.job().id() + " to the endpoint's owner.",
                clock.instant());
        return find(claimed.job().id());
    }

    /** Stores a job with a callback that a worker started and never finished, until the store fails it. */
    Job interrupted() {
        JobId id = claimNew().job().id();
        clock.advance(JOB_LEASE);
        if (jobs.claimNext(clock.instant(), JOB_LEASE, 1).isPresent()) {
            throw new AssertionError("a job out of attempts was handed out again");
        }
        return find(id);
    }

    private ClaimedJob claimNew() {
        Job job = aJob().createdAt(clock.instant()).withRequestId(unique("req")).withCallbackUrl(HOOK).build();
        jobs.insert(job);
        return jobs.claimNext(clock.instant(), JOB_LEASE, 3).orElseThrow();
    }

    Job find(JobId id) {
        return jobs.find(id, clock.instant()).orElseThrow();
    }

    CallbackState callback(JobId id) {
        return find(id).callback().orElseThrow();
    }

    /** Waits until the outcome of the {@code attempts}-th attempt for {@code id} is recorded. */
    void awaitRecorded(JobId id, int attempts) {
        jobs.await(event -> event.action().equals("deliver") && id.equals(event.jobId()) && event.attempt() == attempts
                && event.accepted());
    }

    /** The encoder's next call throws {@code failure}. */
    void failNextEncoding(Throwable failure) {
        encoderFailure.set(failure);
    }

    /** Waits for the one attempt of {@code job}'s delivery, which gave it up without sending anything. */
    void awaitGivenUpWithoutSending(Job job, ScriptedSender sender) {
        awaitRecorded(job.id(), 1);
        assertThat(callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.FAILED, 1, Optional.empty(),
                Optional.empty()));
        assertThat(sender.requests).isEmpty();
    }

    /** Company acme signs with {@code current} while {@code previous} is rotated out. */
    void rotateSecret(String current, String previous) {
        companies.put(new CompanyId("acme"), aCompany().withWebhookSecret(current).withPreviousWebhookSecret(previous).build());
    }

    /** Company acme keeps its name but loses its webhook secret. */
    void dropSecret() {
        companies.put(new CompanyId("acme"), aCompany().build());
    }

    /** Company acme is removed from the catalog. */
    void dropCompany() {
        companies.clear();
    }

    @Override
    public void close() {
        started.forEach(CallbackDeliveries::close);
    }

    /** Answers each attempt with the next scripted response (500 once the script runs out) and keeps every request. */
    static final class ScriptedSender implements WebhookSender {
        final List<WebhookRequest> requests = new CopyOnWriteArrayList<>();
        private final List<WebhookResponse> script;

        ScriptedSender(WebhookResponse... script) {
            this.script = new CopyOnWriteArrayList<>(script);
        }

        /** Answers with these statuses, in order. */
        static ScriptedSender statuses(int... statuses) {
            List<WebhookResponse> responses = new ArrayList<>();
            for (int status : statuses) {
                responses.add(answered(status));
            }
            return new ScriptedSender(responses.toArray(new WebhookResponse[0]));
        }

        static WebhookResponse answered(int status) {
            return WebhookResponse.answered(status, Optional.empty());
        }

        @Override
        public WebhookResponse send(WebhookRequest request) {
            requests.add(request);
            return script.isEmpty() ? answered(500) : script.remove(0);
        }

        /** The header {@code name} of each request, in order. */
        List<String> header(String name) {
            List<String> values = new ArrayList<>();
            requests.forEach(request -> values.add(request.headers().get(name)));
            return values;
        }
    }
}
