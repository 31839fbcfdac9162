package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignerTest {
    // The example of the Standard Webhooks specification.
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1614265330L;
    private static final byte[] SPEC_BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void given_the_specification_example_when_signed_then_the_published_signature_comes_out() {
        assertThat(WebhookSigner.signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY)).isEqualTo(SPEC_SIGNATURE);
    }

    @Test
    void given_two_secrets_during_rotation_when_signed_then_each_secret_signs_in_order_separated_by_a_space() {
        byte[] newKey = new byte[32];
        for (int i = 0; i < newKey.length; i++) {
            newKey[i] = (byte) (i * 7 + 1);
        }
        String newSecret = "whsec_" + Base64.getEncoder().encodeToString(newKey);

        String signatures = WebhookSigner.signature(List.of(SPEC_SECRET, newSecret), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY);

        assertThat(signatures.split(" ")).containsExactly(SPEC_SIGNATURE,
                "v1," + independentHmac(newKey, SPEC_ID + "." + SPEC_TIMESTAMP + "." + "{\"test\": 2432232314}"));
    }

    @Test
    void given_a_body_that_differs_by_one_byte_when_signed_then_the_signature_differs() {
        byte[] other = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookSigner.signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP, other)).isNotEqualTo(SPEC_SIGNATURE);
        assertThat(WebhookSigner.signature(SPEC_SECRET, SPEC_ID, SPEC_TIMESTAMP + 1, SPEC_BODY)).isNotEqualTo(SPEC_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw          | 'webhook_secret' must start with 'whsec_'",
        "wHsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw    | 'webhook_secret' must start with 'whsec_'",
        "whsec_                                    | 'webhook_secret' has no key after 'whsec_'",
        "whsec_MfKQ9r8GKYqrTwjUPD8I!PZIo2LaLaSw    | 'webhook_secret' must be 'whsec_' followed by standard base64",
        "whsec_MfKQ9r8GKYqrTwjU PD8ILPZIo2LaLaSw   | 'webhook_secret' must be 'whsec_' followed by standard base64",
        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwA   | 'webhook_secret' must be 'whsec_' followed by standard base64",
    })
    void given_an_invalid_secret_when_signing_then_the_problem_is_named_without_the_secret(String secret, String message) {
        assertThatThrownBy(() -> WebhookSigner.signature(secret, SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MfKQ9r8GKYqrTwjU"));
    }

    @Test
    void given_one_bad_secret_among_several_when_signing_then_nothing_is_signed() {
        assertThatThrownBy(() -> WebhookSigner.signature(List.of(SPEC_SECRET, "nope"), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'webhook_secret' must start with 'whsec_'");
        assertThatThrownBy(() -> WebhookSigner.signature(List.of(), SPEC_ID, SPEC_TIMESTAMP, SPEC_BODY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'secrets' must hold at least one webhook secret");
    }

    @Test
    void given_a_message_id_unfit_for_a_header_or_a_negative_timestamp_when_signing_then_it_is_refused() {
        assertThatThrownBy(() -> WebhookSigner.signature(SPEC_SECRET, "msg 1", SPEC_TIMESTAMP, SPEC_BODY))
                .hasMessage("'messageId' must be 1 to 256 printable ASCII characters without spaces");
        assertThatThrownBy(() -> WebhookSigner.signature(SPEC_SECRET, "msg\r\nX-Evil: 1", SPEC_TIMESTAMP, SPEC_BODY))
                .hasMessage("'messageId' must be 1 to 256 printable ASCII characters without spaces");
        assertThatThrownBy(() -> WebhookSigner.signature(SPEC_SECRET, "", SPEC_TIMESTAMP, SPEC_BODY))
                .hasMessage("'messageId' must be 1 to 256 printable ASCII characters without spaces");
        assertThatThrownBy(() -> WebhookSigner.signature(SPEC_SECRET, SPEC_ID, -1, SPEC_BODY))
                .hasMessage("'timestamp' must be seconds since the epoch, got -1");
    }

    @Test
    void given_a_parsed_secret_when_printed_then_the_key_is_hidden() {
        WebhookSecret secret = WebhookSecret.parse(SPEC_SECRET);

        assertThat(secret.toString()).doesNotContain("MfKQ").isEqualTo("WebhookSecret[***]");
        assertThat(secret).isEqualTo(WebhookSecret.parse(SPEC_SECRET));
    }

    private static String independentHmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
