package dev.dataapi.ports.out;

import java.util.Optional;

/**
 * Decides whether a webhook URL may be called: an absolute {@code https} URL whose host, once
 * resolved, has only public addresses (no loopback, private, link-local, CGNAT, multicast,
 * unspecified, reserved, IPv4-mapped or embedded private addresses; no odd IPv4 spellings). Used
 * when a job is submitted, and again by the sender for every connection, so that DNS rebinding
 * cannot reach a refused address. Thread-safe; it may block on DNS.
 */
public interface CallbackAddressPolicy {

    /**
     * Empty when {@code url} may be called; otherwise a consumer-safe sentence saying why not.
     *
     * @param url the callback URL, already checked for form
     * @return why the URL is refused, or empty when it is allowed
     */
    Optional<String> refusal(String url);
}
