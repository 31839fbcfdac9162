package dev.dataapi.core;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.out.ClaimedDelivery;
import dev.dataapi.ports.out.CompanyLookup;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.WebhookPayloadEncoder;
import dev.dataapi.ports.out.WebhookPayloadTooLarge;
import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import dev.dataapi.ports.out.WebhookSender;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes one claimed delivery attempt: signs the job's outcome with its company's secret, sends it,
 * and records what the answer means for the delivery. Only the delivery moves on; the job keeps its
 * outcome whatever happens here.
 *
 * <p>The log names the job, the attempt and the receiver's status, never the URL (its query string
 * may carry the receiver's token), the body (the consumer's data), the secret or the signature.
 */
final class DeliveryAttempt {
    /** One logger for every delivery class, so operators can turn the delivery log up or down as one. */
    static final Logger LOG = System.getLogger(CallbackDeliveries.class.getName());
    /** Prefixes the job id in {@code webhook-id}: the same on every retry of one job's delivery. */
    static final String MESSAGE_ID_PREFIX = "msg_";

    private final JobStore jobs;
    private final CompanyLookup companies;
    private final WebhookPayloadEncoder encoder;
    private final WebhookSender sender;
    private final RetryRules rules;
    private final Clock clock;

    DeliveryAttempt(JobStore jobs, CompanyLookup companies, WebhookPayloadEncoder encoder, WebhookSender sender,
                    RetryRules rules, Clock clock) {
        this.jobs = jobs;
        this.companies = companies;
        this.encoder = encoder;
        this.sender = sender;
        this.rules = rules;
        this.clock = clock;
    }

    /** Makes the attempt and records its outcome; a store failure propagates (the claim then lapses). */
    void deliver(ClaimedDelivery claimed) {
        Job job = claimed.job();
        CallbackState before = job.callback().orElseThrow(() ->
                new IllegalStateException("job " + job.id() + " was claimed for delivery without a callback"));
        int attempt = before.attempts() + 1;
        Optional<Company> company = companies.findCompany(job.company());
        List<String> secrets = company.map(found -> signingSecrets(found, job, attempt)).orElse(List.of());
        if (secrets.isEmpty()) {
            // Nothing unsigned is ever sent; retrying cannot help until the catalog changes, so stop now.
            if (stored(claimed, before.givenUp(Optional.empty()), attempt)) {
                LOG.log(Level.WARNING, label(job, attempt) + ": given up without sending: company " + job.company()
                        + (company.isEmpty() ? " no longer exists" : " has no usable webhook signing secret any more"));
            }
            return;
        }
        WebhookResponse response;
        try {
            response = send(job, attempt, secrets);
        } catch (WebhookPayloadTooLarge e) {
            if (stored(claimed, before.givenUp(Optional.empty()), attempt)) {
                LOG.log(Level.WARNING, label(job, attempt) + ": given up without sending: the body would be larger than "
                        + e.limitBytes() + " bytes; the consumer can read the result with GET");
            }
            return;
        }
        CallbackState next = rules.after(before, response, now());
        if (stored(claimed, next, attempt)) {
            report(job, attempt, response, next);
        }
    }

    /**
     * The current secret first; while one is rotated out, it signs too, so receivers holding either
     * verify. A secret that cannot sign (not base64, stored by hand past the catalog's checks) is
     * left out with a warning, so one bad secret does not stop deliveries the other can sign.
     */
    private static List<String> signingSecrets(Company company, Job job, int attempt) {
        List<String> secrets = new ArrayList<>(2);
        company.webhookSecret().ifPresent(secrets::add);
        if (secrets.isEmpty()) {
            return secrets;
        }
        company.previousWebhookSecret().ifPresent(secrets::add);
        secrets.removeIf(secret -> {
            try {
                WebhookSecret.parse(secret);
                return false;
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, label(job, attempt) + ": a webhook secret of company " + job.company()
                        + " cannot sign (" + e.getMessage() + "); it is left out");
                return true;
            }
        });
        return secrets;
    }

    /** Sends one attempt; a body over the encoder's limit is thrown, since no attempt could send it. */
    private WebhookResponse send(Job job, int attempt, List<String> secrets) {
        try {
            byte[] body = encoder.encode(job, sink -> jobs.readResult(job.id(), sink));
            // A fresh timestamp per attempt: receivers refuse stale ones to stop replays.
            long timestamp = clock.instant().getEpochSecond();
            Map<String, String> headers = WebhookHeaders.of(secrets, MESSAGE_ID_PREFIX + job.id().value(),
                    timestamp, body);
            WebhookResponse response = sender.send(new WebhookRequest(job.callbackUrl().orElseThrow(), headers, body));
            return Objects.requireNonNull(response, "the webhook sender returned no response");
        } catch (WebhookPayloadTooLarge e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // Counted as a failed attempt, including a payload too deep to build, or one an encoder
            // without a limit ran out of memory on: such a delivery then ends when the schedule runs
            // out instead of being retried at every lease.
            LOG.log(Level.WARNING, label(job, attempt) + ": the attempt failed before an answer", LogText.fault(e));
            return WebhookResponse.noAnswer(e.getClass().getSimpleName());
        }
    }

    private boolean stored(ClaimedDelivery claimed, CallbackState next, int attempt) {
        boolean recorded = jobs.recordDelivery(claimed.claim(), next);
        if (!recorded) {
            LOG.log(Level.INFO, label(claimed.job(), attempt) + ": its outcome was not recorded: this sender's claim"
                    + " lapsed and another sender took the delivery over");
        }
        return recorded;
    }

    private static void report(Job job, int attempt, WebhookResponse response, CallbackState next) {
        String answer = response.statusCode().map(status -> "status " + status)
                .orElseGet(() -> "no answer: " + LogText.safe(response.failure().orElse("unknown")));
        if (next.status() == CallbackStatus.DELIVERED) {
            LOG.log(Level.DEBUG, () -> label(job, attempt) + ": delivered (" + answer + ")");
        } else if (next.status() == CallbackStatus.PENDING) {
            LOG.log(Level.INFO, label(job, attempt) + ": failed (" + answer + "); next attempt at "
                    + next.nextAttemptAt().orElseThrow());
        } else if (response.statusCode().filter(status -> status == 410).isPresent()) {
            LOG.log(Level.INFO, label(job, attempt) + ": the receiver answered 410 Gone; no more attempts");
        } else {
            LOG.log(Level.WARNING, label(job, attempt) + ": given up after " + attempt + " attempts (" + answer + ")");
        }
    }

    private static String label(Job job, int attempt) {
        return "webhook of job " + job.id() + " (endpoint " + job.company() + "/" + job.endpoint() + ", attempt "
                + attempt + ")";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
