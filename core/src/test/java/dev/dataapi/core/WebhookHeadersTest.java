package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookHeadersTest {

    @Test
    void given_a_signed_message_when_headers_are_built_then_id_timestamp_signature_and_json_type_are_present_in_order() {
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

        var headers = WebhookHeaders.of(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body);

        assertThat(headers).containsExactly(
                entry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
                entry("webhook-timestamp", "1614265330"),
                entry("webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="),
                entry("Content-Type", "application/json"));
    }
}
