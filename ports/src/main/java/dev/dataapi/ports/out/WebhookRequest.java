package dev.dataapi.ports.out;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery attempt of a webhook: a JSON body POSTed to a URL with the given headers (the
 * Standard Webhooks {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature}).
 *
 * @param url     the callback URL
 * @param headers header name to value, sent as given
 * @param body    the JSON body, UTF-8
 */
public record WebhookRequest(String url, Map<String, String> headers, byte[] body) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param url     the callback URL
     * @param headers header name to value, sent as given
     * @param body    the JSON body, UTF-8
     */
    public WebhookRequest {
        Objects.requireNonNull(url, "'url' is required");
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "'headers' is required")));
        body = Objects.requireNonNull(body, "'body' is required").clone();
    }

    /**
     * The JSON body, UTF-8.
     *
     * @return a copy: the request stays immutable
     */
    @Override
    public byte[] body() {
        return body.clone();
    }
}
