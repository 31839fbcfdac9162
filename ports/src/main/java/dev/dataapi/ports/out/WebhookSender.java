package dev.dataapi.ports.out;

/**
 * Sends one webhook delivery attempt. Contract: connects only to addresses the
 * {@link CallbackAddressPolicy} allows (checked at connection time, not only when the URL was
 * accepted); never follows redirects; bounded connect and total timeouts; the JVM's trust store
 * decides which certificates are trusted. Network failures are returned, not thrown. Thread-safe.
 */
public interface WebhookSender {

    /** POSTs the request and reports what came back. */
    WebhookResponse send(WebhookRequest request);
}
