package dev.dataapi.core;

import static dev.dataapi.core.DeliveryHarness.HOOK;
import static dev.dataapi.core.DeliveryHarness.NOW;
import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.DeliveryHarness.ScriptedSender;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import dev.dataapi.ports.out.WebhookRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook deliveries after crashes, failures and catalog changes")
class CallbackDeliveryRecoveryTest {
    private final DeliveryHarness harness = new DeliveryHarness();
    private final LogCapture log = LogCapture.of(CallbackDeliveries.class);
    private final LogCapture workerLog = LogCapture.of(JobRun.class);
    private final List<JobWorkers> workers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        workers.forEach(JobWorkers::close);
        harness.close();
        log.close();
        workerLog.close();
    }

    @Test
    void given_a_sender_that_hangs_past_its_lease_then_another_instance_delivers_with_the_same_webhook_id() {
        Job job = harness.completed();
        List<WebhookRequest> hungRequests = new CopyOnWriteArrayList<>();
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        harness.start(request -> {
            hungRequests.add(request);
            hung.countDown();
            awaitQuietly(resume);
            return ScriptedSender.answered(200);
        });
        WorkerHarness.await(hung);
        harness.clock.advance(DeliveryHarness.settings().lease().plusSeconds(1));
        ScriptedSender other = ScriptedSender.statuses(200);

        harness.start(other);
        harness.awaitRecorded(job.id(), 1);
        resume.countDown();
        harness.jobs.await(event -> event.action().equals("deliver") && !event.accepted());

        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.DELIVERED, 1, Optional.of(200),
                Optional.empty()));
        String messageId = "msg_" + job.id().value();
        assertThat(hungRequests.get(0).headers()).containsEntry(WebhookHeaders.ID, messageId)
                .containsEntry(WebhookHeaders.TIMESTAMP, Long.toString(NOW.getEpochSecond()));
        assertThat(other.requests).singleElement().satisfies(request -> assertThat(request.headers())
                .containsEntry(WebhookHeaders.ID, messageId)
                .containsEntry(WebhookHeaders.TIMESTAMP, Long.toString(NOW.getEpochSecond() + 61)));
        log.await(Level.INFO, job.id().value(), "not recorded", "claim lapsed");
    }

    @Test
    void given_a_failed_job_then_its_failure_is_delivered() {
        Job job = harness.failed();
        ScriptedSender sender = ScriptedSender.statuses(200);
        harness.start(sender);

        harness.awaitRecorded(job.id(), 1);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        assertThat(harness.encoded).singleElement().satisfies(encoded -> {
            assertThat(encoded.state()).isEqualTo(JobState.FAILED);
            assertThat(encoded.error()).isEqualTo(job.error());
        });
        assertThat(sender.requests).hasSize(1);
    }

    @Test
    void given_a_job_failed_by_running_out_of_attempts_then_its_failure_is_delivered() {
        Job job = harness.interrupted();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        ScriptedSender sender = ScriptedSender.statuses(200);
        harness.start(sender);

        harness.awaitRecorded(job.id(), 1);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        assertThat(harness.encoded).extracting(Job::state).containsExactly(JobState.FAILED);
    }

    @Test
    void given_the_company_lost_its_webhook_secret_then_nothing_is_sent_and_the_delivery_fails_with_a_logged_reason() {
        harness.dropSecret();
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(200);
        harness.start(sender);

        harness.awaitGivenUpWithoutSending(job, sender);

        log.await(Level.WARNING, job.id().value(), "given up without sending", "has no usable webhook signing secret");
    }

    @Test
    void given_the_company_is_gone_then_nothing_is_sent_and_the_delivery_fails_with_a_logged_reason() {
        harness.dropCompany();
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(200);
        harness.start(sender);

        harness.awaitRecorded(job.id(), 1);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.FAILED);
        assertThat(sender.requests).isEmpty();
        log.await(Level.WARNING, job.id().value(), "given up without sending", "no longer exists");
    }

    @Test
    void given_an_encoder_that_throws_then_it_is_a_failed_attempt_and_the_next_one_delivers() {
        Job job = harness.completed();
        harness.failNextEncoding(new IllegalStateException("the result could not be read"));
        ScriptedSender sender = ScriptedSender.statuses(200);
        CallbackDeliveries deliveries = harness.start(sender);

        harness.awaitRecorded(job.id(), 1);
        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.empty(),
                Optional.of(NOW.plusSeconds(5))));
        assertThat(sender.requests).isEmpty();
        harness.clock.advance(Duration.ofSeconds(5));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
    }

    @Test
    void given_workers_wired_to_the_senders_when_a_job_with_a_callback_completes_then_delivery_starts_without_waiting_to_poll() {
        ScriptedSender sender = ScriptedSender.statuses(200);
        CallbackDeliveries deliveries = harness.start(sender);
        // The senders poll hourly: from here on, only a wake-up can make them look again.
        harness.jobs.await(event -> event.action().equals("claim-delivery") && !event.accepted());
        Job plain = aJob().createdAt(NOW).build();
        Job withCallback = aJob().createdAt(NOW.plusMillis(1)).withCallbackUrl(HOOK).build();
        harness.jobs.insert(plain);
        harness.jobs.insert(withCallback);
        AtomicInteger announced = new AtomicInteger();

        startWorkers((request, sink) -> new QueryOutcome.Completed(0, false), () -> {
            announced.incrementAndGet();
            deliveries.wakeUp();
        });
        harness.awaitRecorded(withCallback.id(), 1);

        assertThat(harness.callback(withCallback.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        assertThat(harness.find(plain.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(announced.get()).as("only the job with a callback is announced").isEqualTo(1);
    }

    @Test
    void given_workers_wired_to_the_senders_when_a_job_with_a_callback_fails_then_its_failure_is_delivered_at_once() {
        ScriptedSender sender = ScriptedSender.statuses(200);
        CallbackDeliveries deliveries = harness.start(sender);
        harness.jobs.await(event -> event.action().equals("claim-delivery") && !event.accepted());
        Job job = aJob().createdAt(NOW).withCallbackUrl(HOOK).build();
        harness.jobs.insert(job);

        startWorkers((request, sink) -> new QueryOutcome.Failed("relation \"sales\" does not exist"), deliveries::wakeUp);
        harness.awaitRecorded(job.id(), 1);

        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.FAILED);
        assertThat(harness.encoded).extracting(Job::state).containsExactly(JobState.FAILED);
    }

    /** One job worker that looks for jobs only when started: every job is queued before. */
    private void startWorkers(QueryExecutor queries, Runnable callbackDue) {
        JobWorkers started = new JobWorkers(harness.jobs, queries, WorkerHarness.settings()
                .withPollInterval(Duration.ofHours(1)), harness.clock, callbackDue);
        workers.add(started);
        started.start();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(WorkerHarness.WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
