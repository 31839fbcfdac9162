package dev.dataapi.core;

import static dev.dataapi.core.DeliveryHarness.HOOK;
import static dev.dataapi.core.DeliveryHarness.NOW;
import static dev.dataapi.core.DeliveryHarness.ROW_VALUE;
import static dev.dataapi.core.DeliveryHarness.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.DeliveryHarness.ScriptedSender;
import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.CallbackStatus;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.out.WebhookPayloadTooLarge;
import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Webhook deliveries and their retries")
class CallbackDeliveriesTest {
    private final DeliveryHarness harness = new DeliveryHarness();
    private final LogCapture log = LogCapture.of(CallbackDeliveries.class);

    @AfterEach
    void stop() {
        harness.close();
        log.close();
    }

    @Test
    void given_two_5xx_then_a_2xx_then_three_attempts_share_one_webhook_id_with_fresh_timestamps_and_it_is_delivered() {
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(500, 503, 200);
        CallbackDeliveries deliveries = harness.start(sender);

        harness.awaitRecorded(job.id(), 1);
        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.of(500),
                Optional.of(NOW.plusSeconds(5))));
        harness.clock.advance(Duration.ofSeconds(5));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);
        assertThat(harness.callback(job.id()).nextAttemptAt()).contains(NOW.plusSeconds(5 + 300));
        harness.clock.advance(Duration.ofMinutes(5));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 3);

        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.DELIVERED, 3, Optional.of(200),
                Optional.empty()));
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(sender.requests).extracting(WebhookRequest::url).containsExactly(HOOK, HOOK, HOOK);
        assertThat(sender.header(WebhookHeaders.ID)).containsOnly("msg_" + job.id().value()).hasSize(3);
        long start = NOW.getEpochSecond();
        assertThat(sender.header(WebhookHeaders.TIMESTAMP))
                .containsExactly(Long.toString(start), Long.toString(start + 5), Long.toString(start + 305));
    }

    @Test
    void given_a_delivery_then_the_body_is_the_encoded_job_with_its_rows_and_the_signature_verifies_with_the_secret() {
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(204);
        harness.start(sender);

        harness.awaitRecorded(job.id(), 1);

        WebhookRequest request = sender.requests.get(0);
        String body = new String(request.body(), StandardCharsets.UTF_8);
        assertThat(body).contains(job.id().value(), "\"status\":\"completed\"", ROW_VALUE);
        String expected = WebhookSigner.signature(SECRET, "msg_" + job.id().value(), NOW.getEpochSecond(), request.body());
        assertThat(request.headers()).containsEntry(WebhookHeaders.SIGNATURE, expected)
                .containsEntry(WebhookHeaders.CONTENT_TYPE, "application/json");
        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.DELIVERED, 1, Optional.of(204),
                Optional.empty()));
    }

    @Test
    void given_a_secret_being_rotated_out_then_the_delivery_carries_a_signature_under_each_and_either_verifies() {
        String next = "whsec_c2Vjb25kLXNlY3JldC1mb3ItcmVjZWl2ZXJz";
        harness.rotateSecret(next, SECRET);
        Job job = harness.completed();

        WebhookRequest request = deliveredOnce(job);

        String messageId = "msg_" + job.id().value();
        assertThat(request.headers().get(WebhookHeaders.SIGNATURE).split(" ")).containsExactly(
                WebhookSigner.signature(next, messageId, NOW.getEpochSecond(), request.body()),
                WebhookSigner.signature(SECRET, messageId, NOW.getEpochSecond(), request.body()));
    }

    @Test
    void given_a_previous_secret_that_cannot_sign_then_the_delivery_is_signed_with_the_current_one_and_the_log_names_no_secret() {
        String broken = "whsec_old-secret-not-base64!!";
        harness.rotateSecret(SECRET, broken);
        Job job = harness.completed();

        WebhookRequest request = deliveredOnce(job);

        assertThat(log.allMessages()).anySatisfy(message -> assertThat(message).contains("cannot sign"))
                .allSatisfy(message -> assertThat(message).doesNotContain("old-secret"));
        assertThat(request.headers().get(WebhookHeaders.SIGNATURE))
                .isEqualTo(WebhookSigner.signature(SECRET, "msg_" + job.id().value(), NOW.getEpochSecond(), request.body()));
        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
    }

    /** Starts senders whose receiver answers 204 and returns the one request it got for {@code job}. */
    private WebhookRequest deliveredOnce(Job job) {
        ScriptedSender sender = ScriptedSender.statuses(204);
        harness.start(sender);
        harness.awaitRecorded(job.id(), 1);
        return sender.requests.get(0);
    }

    @Test
    void given_410_gone_then_the_delivery_fails_at_once_without_another_attempt() {
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(410);
        harness.start(sender);

        harness.awaitRecorded(job.id(), 1);

        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.FAILED, 1, Optional.of(410),
                Optional.empty()));
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(sender.requests).hasSize(1);
    }

    @Test
    void given_a_redirect_then_it_is_a_failed_attempt_retried_on_schedule() {
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(302, 200);
        CallbackDeliveries deliveries = harness.start(sender);

        harness.awaitRecorded(job.id(), 1);
        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.of(302),
                Optional.of(NOW.plusSeconds(5))));
        harness.clock.advance(Duration.ofSeconds(5));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        assertThat(sender.requests).hasSize(2);
    }

    @Test
    void given_a_retry_after_longer_than_the_schedule_then_the_next_attempt_waits_for_it() {
        Job job = harness.completed();
        ScriptedSender sender = new ScriptedSender(WebhookResponse.answered(429, Optional.of(Duration.ofHours(2))),
                ScriptedSender.answered(200));
        CallbackDeliveries deliveries = harness.start(sender);

        harness.awaitRecorded(job.id(), 1);
        assertThat(harness.callback(job.id()).nextAttemptAt()).contains(NOW.plus(Duration.ofHours(2)));
        harness.clock.advance(Duration.ofHours(2));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        assertThat(sender.header(WebhookHeaders.TIMESTAMP)).last()
                .isEqualTo(Long.toString(NOW.plus(Duration.ofHours(2)).getEpochSecond()));
    }

    @Test
    void given_every_attempt_fails_when_the_schedule_runs_out_then_the_delivery_fails_and_the_job_keeps_its_result() {
        Job job = harness.completed();
        ScriptedSender sender = ScriptedSender.statuses(500, 502, 503);
        CallbackDeliveries deliveries = harness.start(DeliveryHarness.settings().withRetries(RetrySchedule.parse("1s,1s")), sender);

        harness.awaitRecorded(job.id(), 1);
        harness.clock.advance(Duration.ofSeconds(1));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);
        harness.clock.advance(Duration.ofSeconds(1));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 3);

        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.FAILED, 3, Optional.of(503),
                Optional.empty()));
        assertThat(harness.find(job.id()).state()).isEqualTo(JobState.COMPLETED);
        assertThat(harness.find(job.id()).result()).isEqualTo(job.result());
        assertThat(sender.requests).hasSize(3);
        log.await(Level.WARNING, job.id().value(), "given up after 3 attempts", "status 503");
    }

    @Test
    void given_a_sender_that_throws_then_it_is_a_failed_attempt_without_a_status_and_the_log_leaks_nothing() {
        Job job = harness.completed();
        List<String> seenSignatures = new CopyOnWriteArrayList<>();
        ScriptedSender answering = ScriptedSender.statuses(200);
        CallbackDeliveries deliveries = harness.start(request -> {
            seenSignatures.add(request.headers().get(WebhookHeaders.SIGNATURE));
            if (seenSignatures.size() == 1) {
                throw new IllegalStateException("socket closed while writing");
            }
            return answering.send(request);
        });

        harness.awaitRecorded(job.id(), 1);
        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.empty(),
                Optional.of(NOW.plusSeconds(5))));
        harness.clock.advance(Duration.ofSeconds(5));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        log.await(Level.WARNING, job.id().value(), "attempt 1", "failed before an answer", "socket closed while writing");
        log.await(Level.INFO, job.id().value(), "attempt 1", "failed (no answer: IllegalStateException)");
        List<String> everything = log.messages(Level.WARNING);
        everything.addAll(log.messages(Level.INFO));
        assertThat(String.join("\n", everything)).doesNotContain(SECRET.substring("whsec_".length()))
                .doesNotContain(ROW_VALUE).doesNotContain("receiver-token-7")
                .doesNotContain(seenSignatures.get(0).substring("v1,".length()));
    }

    @Test
    void given_a_payload_too_large_to_build_then_it_is_a_failed_attempt_and_the_delivery_goes_on_on_schedule() {
        Job job = harness.completed();
        harness.failNextEncoding(new OutOfMemoryError("simulated: Java heap space while encoding"));
        CallbackDeliveries deliveries = harness.start(ScriptedSender.statuses(200));

        harness.awaitRecorded(job.id(), 1);
        assertThat(harness.callback(job.id())).isEqualTo(new CallbackState(CallbackStatus.PENDING, 1, Optional.empty(),
                Optional.of(NOW.plusSeconds(5))));
        harness.clock.advance(Duration.ofSeconds(5));
        deliveries.wakeUp();
        harness.awaitRecorded(job.id(), 2);

        assertThat(harness.callback(job.id()).status()).isEqualTo(CallbackStatus.DELIVERED);
        log.await(Level.INFO, job.id().value(), "attempt 1", "failed (no answer: OutOfMemoryError)");
    }

    @Test
    void given_a_body_over_the_encoders_limit_then_nothing_is_sent_and_the_delivery_fails_at_once() {
        Job job = harness.completed();
        harness.failNextEncoding(new WebhookPayloadTooLarge(64L * 1024 * 1024));
        ScriptedSender sender = ScriptedSender.statuses(200);
        harness.start(sender);

        harness.awaitGivenUpWithoutSending(job, sender);

        log.await(Level.WARNING, job.id().value(), "given up without sending", "larger than 67108864 bytes",
                "read the result with GET");
    }
}
