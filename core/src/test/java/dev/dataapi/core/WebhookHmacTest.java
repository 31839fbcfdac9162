package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookHmacTest {

    @ParameterizedTest(name = "RFC 4231 case {0}")
    @CsvSource({
        "1, 0b, 20, 4869205468657265, b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        "6, aa, 131, 54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048617368204b6579204669727374,"
            + " 60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    })
    void given_an_rfc_4231_test_case_when_computed_then_the_published_hmac_comes_out(int testCase, String keyByte, int keyLength,
                                                                                    String dataHex, String expectedHex) {
        byte[] key = new byte[keyLength];
        Arrays.fill(key, (byte) Integer.parseInt(keyByte, 16));

        assertThat(HexFormat.of().formatHex(WebhookHmac.sha256(key, HexFormat.of().parseHex(dataHex)))).isEqualTo(expectedHex);
    }

    @Test
    void given_a_short_text_key_when_computed_then_rfc_4231_case_2_comes_out() {
        byte[] hmac = WebhookHmac.sha256("Jefe".getBytes(StandardCharsets.UTF_8),
                "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

        assertThat(HexFormat.of().formatHex(hmac)).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void given_keys_and_messages_of_every_size_around_the_block_when_computed_then_it_agrees_with_the_jdk_mac() throws Exception {
        Random random = new Random(20240611L);
        Mac reference = Mac.getInstance("HmacSHA256");
        for (int keyLength = 1; keyLength <= 200; keyLength++) {
            byte[] key = new byte[keyLength];
            byte[] message = new byte[random.nextInt(300)];
            random.nextBytes(key);
            random.nextBytes(message);
            reference.init(new SecretKeySpec(key, "HmacSHA256"));

            assertThat(WebhookHmac.sha256(key, message)).as("key of %d bytes", keyLength).isEqualTo(reference.doFinal(message));
        }
    }
}
