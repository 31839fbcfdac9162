package dev.dataapi.webhook;

import static dev.dataapi.webhook.Resolvers.ips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkHttpWebhookSenderTest {
    // The Standard Webhooks specification's example, signed by core's signer in production.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String MESSAGE_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private final MockWebServer receiver = TestTls.httpsReceiver();
    private final PublicAddressPolicy policy = new PublicAddressPolicy(true,
            Resolvers.table(Map.of("receiver.test", ips("127.0.0.1"))));
    private final OkHttpWebhookSender sender = new OkHttpWebhookSender(policy, Duration.ofSeconds(5), Duration.ofSeconds(5),
            TestTls.trustingTheTestAuthority());

    @AfterEach
    void stop() {
        sender.close();
        receiver.close();
    }

    @Test
    void given_a_signed_delivery_when_sent_over_https_then_the_receiver_gets_the_exact_body_and_headers_and_the_signature_verifies() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(204).build());

        WebhookResponse response = sender.send(delivery(url("/hooks/data-api?tenant=acme")));

        assertThat(response).isEqualTo(WebhookResponse.answered(204, Optional.empty()));
        RecordedRequest received = receiver.takeRequest(5, TimeUnit.SECONDS);
        assertThat(received.getMethod()).isEqualTo("POST");
        assertThat(received.getUrl().encodedPath()).isEqualTo("/hooks/data-api");
        assertThat(received.getUrl().queryParameter("tenant")).isEqualTo("acme");
        assertThat(received.getHandshake()).isNotNull();
        assertThat(received.getHeaders().get("webhook-id")).isEqualTo(MESSAGE_ID);
        assertThat(received.getHeaders().get("webhook-timestamp")).isEqualTo(TIMESTAMP);
        assertThat(received.getHeaders().get("webhook-signature")).isEqualTo(SIGNATURE);
        assertThat(received.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(received.getBody().toByteArray()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
        assertThat(verifies(received)).isTrue();
    }

    @Test
    void given_a_redirect_when_sent_then_the_3xx_is_reported_and_not_followed() throws Exception {
        MockWebServer elsewhere = TestTls.httpsReceiver();
        try (elsewhere) {
            receiver.enqueue(new MockResponse.Builder().code(302)
                    .setHeader("Location", "https://receiver.test:" + elsewhere.getPort() + "/stolen").build());
            elsewhere.enqueue(new MockResponse.Builder().code(200).build());

            WebhookResponse response = sender.send(delivery(url("/hook")));

            assertThat(response).isEqualTo(WebhookResponse.answered(302, Optional.empty()));
            assertThat(receiver.getRequestCount()).isEqualTo(1);
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }

    @Test
    void given_a_busy_receiver_when_sent_then_its_status_and_retry_after_are_reported() {
        receiver.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "120").build());
        receiver.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "in a while").build());

        assertThat(sender.send(delivery(url("/hook")))).isEqualTo(WebhookResponse.answered(503, Optional.of(Duration.ofSeconds(120))));
        assertThat(sender.send(delivery(url("/hook")))).isEqualTo(WebhookResponse.answered(429, Optional.empty()));
    }

    @Test
    void given_a_receiver_that_streams_an_endless_body_when_sent_then_its_status_counts_without_reading_the_body() {
        receiver.enqueue(new MockResponse.Builder().code(200)
                .body(new Buffer().write(new byte[1 << 20]))
                .throttleBody(1_024, 50, TimeUnit.MILLISECONDS) // a whole minute to send it all
                .build());
        long started = System.nanoTime();

        WebhookResponse response = sender.send(delivery(url("/hook")));

        assertThat(response).isEqualTo(WebhookResponse.answered(200, Optional.empty()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void given_the_jvm_default_trust_store_when_the_receiver_shows_a_private_authority_then_there_is_no_delivery() {
        try (OkHttpWebhookSender production = new OkHttpWebhookSender(policy)) {
            WebhookResponse response = production.send(delivery(url("/hook")));

            assertThat(response.failure()).contains(
                    "the TLS handshake with the callback host failed (untrusted certificate or no common protocol)");
            assertThat(receiver.getRequestCount()).isZero();
        }
    }

    @Test
    void given_a_loopback_receiver_without_tls_and_private_networks_allowed_when_sent_over_http_then_it_is_delivered() throws Exception {
        try (MockWebServer plain = TestTls.httpReceiver()) {
            plain.enqueue(new MockResponse.Builder().code(200).build());
            plain.enqueue(new MockResponse.Builder().code(202).build());

            assertThat(sender.send(delivery("http://127.0.0.1:" + plain.getPort() + "/hook")))
                    .isEqualTo(WebhookResponse.answered(200, Optional.empty()));
            assertThat(sender.send(delivery("http://receiver.test:" + plain.getPort() + "/hook")))
                    .isEqualTo(WebhookResponse.answered(202, Optional.empty()));
            assertThat(plain.takeRequest(5, TimeUnit.SECONDS).getBody().utf8()).isEqualTo(BODY);
        }
    }

    @Test
    void given_a_url_the_policy_refuses_when_sent_then_nothing_is_sent_and_the_reason_is_reported() {
        WebhookResponse withCredentials = sender.send(delivery("https://user:hunter2@receiver.test:" + receiver.getPort() + "/hook"));
        WebhookResponse oddSpelling = sender.send(delivery("https://2130706433:" + receiver.getPort() + "/hook"));

        assertThat(withCredentials.failure()).contains("callback_url must not contain a user name or password");
        assertThat(oddSpelling.failure()).contains(CallbackUrlForm.ODD_IPV4);
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void given_a_host_that_does_not_resolve_when_sent_then_there_is_no_answer() {
        WebhookResponse response = sender.send(delivery("https://nowhere.test/hook?token=secret-token"));

        assertThat(response.failure()).contains("the callback host could not be resolved");
    }

    private String url(String pathAndQuery) {
        return "https://receiver.test:" + receiver.getPort() + pathAndQuery;
    }

    private static WebhookRequest delivery(String url) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", MESSAGE_ID);
        headers.put("webhook-timestamp", TIMESTAMP);
        headers.put("webhook-signature", SIGNATURE);
        headers.put("Content-Type", "application/json");
        return new WebhookRequest(url, headers, BODY.getBytes(StandardCharsets.UTF_8));
    }

    /** What a receiver does with the secret it was given: recompute the HMAC from what arrived. */
    private static boolean verifies(RecordedRequest received) throws Exception {
        byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update((received.getHeaders().get("webhook-id") + "." + received.getHeaders().get("webhook-timestamp") + ".")
                .getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(received.getBody().toByteArray());
        for (String signature : received.getHeaders().get("webhook-signature").split(" ")) {
            if (signature.startsWith("v1,") && java.security.MessageDigest.isEqual(expected,
                    Base64.getDecoder().decode(signature.substring(3)))) {
                return true;
            }
        }
        return false;
    }
}
