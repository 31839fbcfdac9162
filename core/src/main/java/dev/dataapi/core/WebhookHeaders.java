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
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String JSON = "application/json";

    private WebhookHeaders() {
    }

    /** The four headers, in a stable order, for {@code body} signed with each of {@code secrets}. */
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
