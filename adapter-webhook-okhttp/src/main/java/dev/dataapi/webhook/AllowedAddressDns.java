package dev.dataapi.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Dns;

/**
 * OkHttp's view of DNS for webhook calls: the policy's resolver, minus every address the policy
 * refuses. OkHttp connects only to what this returns, so a host that resolved to a public address
 * when the URL was accepted and to an internal one now (DNS rebinding) reaches nothing.
 */
final class AllowedAddressDns implements Dns {
    private final HostResolver resolver;
    private final Predicate<InetAddress> allowed;

    AllowedAddressDns(HostResolver resolver, Predicate<InetAddress> allowed) {
        this.resolver = resolver;
        this.allowed = allowed;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(hostname);
        if (addresses == null || addresses.isEmpty()) {
            throw new UnknownHostException("no address");
        }
        List<InetAddress> kept = addresses.stream().filter(allowed).toList();
        if (kept.isEmpty()) {
            throw new NoAllowedAddressException();
        }
        return kept;
    }
}
