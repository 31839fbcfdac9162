package dev.dataapi.core;

import dev.dataapi.ports.out.ClaimedDelivery;
import dev.dataapi.ports.out.CompanyLookup;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.ports.out.WebhookPayloadEncoder;
import dev.dataapi.ports.out.WebhookSender;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * This instance's share of the webhook deliveries: a fixed number of sender threads that take due
 * deliveries from the {@link JobStore} every instance shares, so a delivery survives a restart and
 * any instance may make its next attempt. A sender claims one attempt for
 * {@link DeliverySettings#lease()}, sends the job's outcome as a Standard Webhooks message signed
 * with the company's secret ({@code webhook-id} {@code msg_<job id>} on every attempt, a fresh
 * {@code webhook-timestamp} each time) and records the outcome; failed attempts are retried on the
 * {@link DeliverySettings#retries() schedule}. An attempt whose sender died is claimed again once its
 * lease lapses, with the same {@code webhook-id}, so receivers can drop a duplicate.
 *
 * <p>Idle senders look for due deliveries every {@link DeliverySettings#pollInterval()}, or at once
 * when {@link #wakeUp()} says a job with a callback ended here. A failing store never stops a sender:
 * it logs and tries again after the poll interval. {@link #close()} stops claiming and waits up to
 * {@link DeliverySettings#shutdownGrace()} for attempts in flight; an attempt cut short is made again
 * once its lease lapses. Thread-safe.
 */
public final class CallbackDeliveries implements AutoCloseable {
    private static final Logger LOG = DeliveryAttempt.LOG;

    private final JobStore jobs;
    private final DeliverySettings settings;
    private final Clock clock;
    private final DeliveryAttempt attempt;
    private final PollingThreads senders;
    private final WakeUps wakeUps;

    /**
     * Senders that are ready but idle until {@link #start()}.
     *
     * @param jobs      the store shared by every instance, holding each job's delivery state
     * @param companies finds the company whose webhook secret signs its jobs' deliveries
     * @param encoder   writes a job's outcome as the webhook body
     * @param sender    makes one HTTP attempt (it checks the address again at connection time)
     * @param settings  sender count, lease, retry schedule, jitter, poll interval and shutdown grace
     * @param clock     the time of claims, {@code webhook-timestamp} and retries
     */
    public CallbackDeliveries(JobStore jobs, CompanyLookup companies, WebhookPayloadEncoder encoder, WebhookSender sender,
                              DeliverySettings settings, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "'jobs' is required");
        this.settings = Objects.requireNonNull(settings, "'settings' is required");
        this.clock = Objects.requireNonNull(clock, "'clock' is required");
        this.attempt = new DeliveryAttempt(jobs, Objects.requireNonNull(companies, "'companies' is required"),
                Objects.requireNonNull(encoder, "'encoder' is required"), Objects.requireNonNull(sender, "'sender' is required"),
                new RetryRules(settings.retries(), settings.jitter()), clock);
        this.senders = new PollingThreads("webhook senders", "webhook sender", "data-api-webhook-sender-",
                settings.senders(), settings.pollInterval(), LOG);
        this.wakeUps = senders.wakeUps();
    }

    /**
     * Starts the sender threads.
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        senders.start(this::sendOnce);
        LOG.log(Level.INFO, "webhook senders started: " + settings.senders() + " (lease " + Seconds.of(settings.lease())
                + " s, retries after " + settings.retries() + ")");
    }

    /** Tells idle senders a delivery just became due on this instance. Cheap; never blocks. */
    public void wakeUp() {
        wakeUps.signal();
    }

    /**
     * Stops claiming and waits up to the shutdown grace for attempts in flight, then interrupts them.
     * Idempotent.
     */
    @Override
    public void close() {
        if (!senders.beginStop()) {
            return;
        }
        boolean finished = senders.awaitStop(settings.shutdownGrace());
        if (!finished) {
            senders.abort();
        }
        LOG.log(Level.INFO, "webhook senders stopped" + (finished ? ""
                : "; attempts still in flight are made again once their leases lapse"));
    }

    private void sendOnce() {
        long seen = wakeUps.signals();
        Optional<ClaimedDelivery> claimed;
        try {
            claimed = jobs.claimDelivery(clock.instant().truncatedTo(ChronoUnit.MILLIS), settings.lease());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "claiming a webhook delivery failed; trying again in "
                    + Seconds.of(settings.pollInterval()) + " s", LogText.fault(e));
            wakeUps.pause(settings.pollInterval());
            return;
        }
        if (claimed.isEmpty()) {
            wakeUps.awaitSignalAfter(seen, settings.pollInterval());
        } else {
            deliver(claimed.get());
        }
    }

    private void deliver(ClaimedDelivery claimed) {
        try {
            attempt.deliver(claimed);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook of job " + claimed.claim().jobId() + ": the job store failed during the"
                    + " attempt; it is made again once its lease lapses", LogText.fault(e));
            wakeUps.pause(settings.pollInterval());
        } catch (Error e) {
            // An Error must not silently end this sender thread: the pool would shrink until nothing is sent.
            LOG.log(Level.ERROR, "webhook of job " + claimed.claim().jobId() + ": an unexpected error stopped the"
                    + " attempt; it is made again once its lease lapses", LogText.fault(e));
            wakeUps.pause(settings.pollInterval());
        }
    }

}
