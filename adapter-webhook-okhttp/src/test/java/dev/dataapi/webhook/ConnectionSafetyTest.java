package dev.dataapi.webhook;

import static dev.dataapi.webhook.Resolvers.ip;
import static dev.dataapi.webhook.Resolvers.ips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.out.WebhookRequest;
import dev.dataapi.ports.out.WebhookResponse;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a delivery's connection may go, checked when it is made; and how long it may take. */
class ConnectionSafetyTest {
    private final MockWebServer receiver = TestTls.httpsReceiver();

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void given_a_host_that_resolved_to_a_public_address_when_it_now_resolves_to_loopback_then_nothing_reaches_the_loopback_receiver() {
        // The receiver listens on 127.0.0.1 and its certificate is trusted for rebind.test: only the
        // connection-time address check stands between this delivery and the receiver.
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        PublicAddressPolicy policy = new PublicAddressPolicy(false, Resolvers.rebinding(ip("93.184.216.34"), ip("127.0.0.1")));
        String url = "https://rebind.test:" + receiver.getPort() + "/hook";

        assertThat(policy.refusal(url)).as("accepted when the job was submitted").isEmpty();
        WebhookResponse response;
        try (OkHttpWebhookSender sender = sender(policy, Duration.ofSeconds(5))) {
            response = sender.send(delivery(url));
        }

        assertThat(response).isEqualTo(WebhookResponse.noAnswer("the callback host has no allowed address"));
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void given_a_loopback_ip_literal_which_okhttp_connects_to_without_dns_when_sent_then_it_is_refused() {
        receiver.enqueue(new MockResponse.Builder().code(200).build());
        PublicAddressPolicy policy = new PublicAddressPolicy(false, Resolvers.table(Map.of()));

        WebhookResponse response;
        try (OkHttpWebhookSender sender = sender(policy, Duration.ofSeconds(5))) {
            response = sender.send(delivery("https://127.0.0.1:" + receiver.getPort() + "/hook"));
        }

        assertThat(response).isEqualTo(WebhookResponse.noAnswer("callback_url points to a loopback address, which webhooks may not reach"));
        assertThat(receiver.getRequestCount()).isZero();
    }

    @Test
    void given_plain_http_allowed_for_loopback_when_the_host_now_resolves_to_a_private_address_then_it_is_not_contacted() {
        PublicAddressPolicy policy = new PublicAddressPolicy(true, Resolvers.rebinding(ip("127.0.0.1"), ip("10.255.255.1")));
        String url = "http://intranet.test:8080/hook";

        assertThat(policy.refusal(url)).isEmpty();
        WebhookResponse response;
        try (OkHttpWebhookSender sender = sender(policy, Duration.ofSeconds(1))) {
            response = sender.send(delivery(url));
        }

        assertThat(response).isEqualTo(WebhookResponse.noAnswer("the callback host has no allowed address"));
    }

    @Test
    void given_a_receiver_that_never_answers_when_sent_then_there_is_no_answer_within_the_call_timeout() throws Exception {
        // Accepted by the kernel's backlog and never served: the TLS handshake waits for ever.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            PublicAddressPolicy policy = new PublicAddressPolicy(true, Resolvers.table(Map.of("receiver.test", ips("127.0.0.1"))));
            long started = System.nanoTime();

            WebhookResponse response;
            try (OkHttpWebhookSender sender = sender(policy, Duration.ofMillis(300))) {
                response = sender.send(delivery("https://receiver.test:" + silent.getLocalPort() + "/hook"));
            }

            assertThat(response).isEqualTo(WebhookResponse.noAnswer("the callback host did not answer in time"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private static OkHttpWebhookSender sender(PublicAddressPolicy policy, Duration callTimeout) {
        return new OkHttpWebhookSender(policy, callTimeout, callTimeout, TestTls.trustingTheTestAuthority());
    }

    private static WebhookRequest delivery(String url) {
        return new WebhookRequest(url, Map.of("webhook-id", "msg_1"), "{}".getBytes(StandardCharsets.UTF_8));
    }
}
