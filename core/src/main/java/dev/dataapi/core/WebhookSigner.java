package dev.dataapi.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Signs webhook deliveries the Standard Webhooks way: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code {id}.{timestamp}.{body}} under the secret's key. Several secrets (while one is being rotated
 * out) give several signatures separated by spaces, so a receiver holding either secret accepts the
 * delivery.
 */
public final class WebhookSigner {
    private static final int LONGEST_MESSAGE_ID = 256;

    private WebhookSigner() {
    }

    /**
     * The {@code webhook-signature} value for one secret.
     *
     * @param secret           a {@code whsec_} secret
     * @param messageId        the delivery's id
     * @param timestampSeconds the attempt's time in seconds since the epoch
     * @param body             the JSON body
     * @return {@code v1,} and the base64 signature
     */
    public static String signature(String secret, String messageId, long timestampSeconds, byte[] body) {
        return signature(List.of(Objects.requireNonNull(secret, "'webhook_secret' is required")), messageId, timestampSeconds, body);
    }

    /**
     * The {@code webhook-signature} value for each of {@code secrets}, in their order, separated by spaces.
     *
     * @param secrets          {@code whsec_} secrets, at least one
     * @param messageId        the delivery's id
     * @param timestampSeconds the attempt's time in seconds since the epoch
     * @param body             the JSON body
     * @return one {@code v1,} signature per secret
     */
    public static String signature(List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
        Objects.requireNonNull(secrets, "'secrets' is required");
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("'secrets' must hold at least one webhook secret");
        }
        requireMessageId(messageId);
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("'timestamp' must be seconds since the epoch, got " + timestampSeconds);
        }
        Objects.requireNonNull(body, "'body' is required");
        byte[] signed = signedContent(messageId, timestampSeconds, body);
        StringJoiner signatures = new StringJoiner(" ");
        for (String secret : secrets) {
            signatures.add("v1," + Base64.getEncoder().encodeToString(WebhookHmac.sha256(WebhookSecret.parse(secret).key(), signed)));
        }
        return signatures.toString();
    }

    private static void requireMessageId(String messageId) {
        Objects.requireNonNull(messageId, "'messageId' is required");
        if (messageId.isEmpty() || messageId.length() > LONGEST_MESSAGE_ID
                || !messageId.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            // It travels in a header: printable ASCII only, and no spaces.
            throw new IllegalArgumentException("'messageId' must be 1 to " + LONGEST_MESSAGE_ID
                    + " printable ASCII characters without spaces");
        }
    }

    private static byte[] signedContent(String messageId, long timestampSeconds, byte[] body) {
        byte[] prefix = (messageId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }
}
