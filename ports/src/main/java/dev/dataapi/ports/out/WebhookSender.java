package dev.dataapi.ports.out;

/**
 * Sends one webhook delivery attempt. Contract: connects only to addresses the
 * {@link CallbackAddressPolicy} allows (checked at connection time, not only when the URL was
 * accepted); never follows redirects; bounded connect and total timeouts; the JVM's trust store
 * decides which certificates are trusted. Network failures are returned, not thrown. Thread-safe.
 */
public interface WebhookSender {

    /**
     * POSTs the request and reports what came back.
     *
     * @param request the URL, headers and body of one attempt
     * @return the receiver's status, or why there was none
     */
    WebhookResponse send(WebhookRequest request);
}
