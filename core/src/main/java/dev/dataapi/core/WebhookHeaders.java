package dev.dataapi.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers of a Standard Webhooks delivery: {@code webhook-id} (the same on every retry of one
 * message, so receivers can drop duplicates), {@code webhook-timestamp} (seconds, so receivers can
 * refuse stale replays), {@code webhook-signature}, and the JSON content type.
 */
public final class WebhookHeaders {
    /** The message id header: the same on every attempt of one delivery. */
    public static final String ID = "webhook-id";
    /** The attempt's time header, in seconds since the epoch. */
    public static final String TIMESTAMP = "webhook-timestamp";
    /** The signature header: {@code v1,} and a base64 HMAC-SHA256, one per secret. */
    public static final String SIGNATURE = "webhook-signature";
    /** The content type header. */
    public static final String CONTENT_TYPE = "Content-Type";
    /** The body's content type. */
    public static final String JSON = "application/json";

    private WebhookHeaders() {
    }

    /**
     * The four headers, in a stable order, for {@code body} signed with each of {@code secrets}.
     *
     * @param secrets          the company's {@code whsec_} secrets, at least one
     * @param messageId        the delivery's id, the same on every attempt
     * @param timestampSeconds the attempt's time in seconds since the epoch
     * @param body             the JSON body
     * @return header name to value
     */
    public static Map<String, String> of(List<String> secrets, String messageId, long timestampSeconds, byte[] body) {
        String signature = WebhookSigner.signature(secrets, messageId, timestampSeconds, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(timestampSeconds));
        headers.put(SIGNATURE, signature);
        headers.put(CONTENT_TYPE, JSON);
        return Collections.unmodifiableMap(headers);
    }
}
