package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's outcome reaches its callback URL over real HTTPS, signed, retried, and not lost when the
 * server is killed between finishing the job and delivering it. The receiver's certificate is
 * trusted through the standard {@code javax.net.ssl.trustStore} option, as an operator would do it.
 */
class WebhookDeliveryEndToEndTest {
    private static final String TOKEN = DemoKeys.FULL_ACCESS;
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    /** Being rotated out in the catalog: receivers still holding it verify too. */
    private static final String PREVIOUS_SECRET = "whsec_c2Vjb25kLXNlY3JldC1mb3ItcmVjZWl2ZXJz";

    @Test
    @DisplayName("killed after the job completed but before delivery, then 503, 503, 200: delivered once restarted, three attempts, one webhook-id")
    void delivery_survives_a_crash_and_is_retried(@TempDir Path dataDir) throws Exception {
        HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0).commonName("e2e authority").build();
        HeldCertificate receiverCertificate = new HeldCertificate.Builder().signedBy(authority)
                .addSubjectAlternativeName("127.0.0.1").build();
        Path trustStore = trustStoreWith(authority, dataDir.resolve("truststore.p12"));
        Path catalog = dataDir.resolve("webhook-catalog.yaml");
        try (InputStream in = getClass().getResourceAsStream("/e2e/webhook-catalog.yaml")) {
            Files.copy(in, catalog);
        }
        List<String> jvm = List.of("-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12");
        int port = ServerProcess.freePort();

        try (MockWebServer receiver = new MockWebServer()) {
            receiver.useHttps(new HandshakeCertificates.Builder()
                    .heldCertificate(receiverCertificate, authority.certificate()).build().sslSocketFactory());
            receiver.start(InetAddress.getByName("127.0.0.1"), 0);
            receiver.enqueue(new MockResponse.Builder().code(503).build());
            receiver.enqueue(new MockResponse.Builder().code(503).build());
            receiver.enqueue(new MockResponse.Builder().code(200).build());
            String callback = "https://127.0.0.1:" + receiver.getPort() + "/hooks/data-api";

            String jobId;
            ServerProcess first = ServerProcess.start(dataDir, port, Map.of("DATA_API_CATALOG", catalog.toString(),
                    "DATA_API_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true", "DATA_API_WEBHOOK_SENDERS", "0"), jvm);
            try {
                ApiClient.Response accepted = first.api.execute("hooks", "numbers", TOKEN,
                        "{\"callback_url\": \"" + callback + "\"}");
                assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
                jobId = accepted.json().get("job_id").asText();
                JsonNode done = first.api.awaitJob("hooks", "numbers", jobId, TOKEN, Duration.ofSeconds(30));
                assertThat(done.get("status").asText()).isEqualTo("completed");
                assertThat(done.get("callback").get("status").asText()).isEqualTo("pending");
                assertThat(done.get("callback").get("attempts").asInt()).isZero();
            } finally {
                first.kill();
            }
            assertThat(receiver.getRequestCount()).isZero();

            try (ServerProcess second = ServerProcess.start(dataDir, port, Map.of("DATA_API_CATALOG", catalog.toString(),
                    "DATA_API_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "true", "DATA_API_WEBHOOK_RETRY_SCHEDULE", "1s,1s,1s"), jvm)) {
                List<RecordedRequest> attempts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    RecordedRequest attempt = receiver.takeRequest(60, TimeUnit.SECONDS);
                    assertThat(attempt).as("attempt " + (i + 1)).isNotNull();
                    attempts.add(attempt);
                }
                for (RecordedRequest attempt : attempts) {
                    assertThat(attempt.getMethod()).isEqualTo("POST");
                    assertThat(attempt.getHeaders().get("Content-Type")).startsWith("application/json");
                    assertThat(attempt.getHeaders().get("webhook-id")).isEqualTo(attempts.get(0).getHeaders().get("webhook-id"));
                    assertSigned(attempt);
                }
                JsonNode body = ApiClient.JSON.readTree(attempts.get(2).getBody().utf8());
                assertThat(body.get("job_id").asText()).isEqualTo(jobId);
                assertThat(body.get("status").asText()).isEqualTo("completed");
                assertThat(body.get("result").get("rows").toString()).isEqualTo("[{\"n\":1},{\"n\":2},{\"n\":3}]");
                assertThat(body.get("namespace").asText()).isEqualTo("hooks");
                assertThat(body.get("slug").asText()).isEqualTo("numbers");

                JsonNode callbackState = awaitCallbackStatus(second.api, jobId, "delivered").get("callback");
                assertThat(callbackState.get("attempts").asInt()).isEqualTo(3);
                assertThat(callbackState.get("last_status_code").asInt()).isEqualTo(200);
            }
        }
    }

    /**
     * Verifies the Standard Webhooks signatures independently of the server's code: one under the
     * current secret, then one under the secret being rotated out.
     */
    private static void assertSigned(RecordedRequest attempt) throws Exception {
        String id = attempt.getHeaders().get("webhook-id");
        String timestamp = attempt.getHeaders().get("webhook-timestamp");
        String signatures = attempt.getHeaders().get("webhook-signature");
        assertThat(id).isNotBlank();
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(120L));
        byte[] signed = (id + "." + timestamp + "." + attempt.getBody().utf8()).getBytes(StandardCharsets.UTF_8);
        assertThat(signatures.split(" ")).containsExactly(signature(SECRET, signed), signature(PREVIOUS_SECRET, signed));
    }

    private static String signature(String secret, byte[] signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed));
    }

    private static JsonNode awaitCallbackStatus(ApiClient api, String jobId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode job = api.jobState("hooks", "numbers", jobId, TOKEN);
            if (status.equals(job.get("callback").get("status").asText()) || System.nanoTime() > deadline) {
                assertThat(job.get("callback").get("status").asText()).isEqualTo(status);
                return job;
            }
            Thread.sleep(50); // the delivery state is recorded right after the receiver answered; poll as a consumer would
        }
    }

    private static Path trustStoreWith(HeldCertificate authority, Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("e2e-authority", authority.certificate());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }
}
