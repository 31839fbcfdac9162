package dev.dataapi.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into the addresses it stands for. The policy and the sender's connections both
 * go through the same resolver, so what is checked is what is connected to; tests replace it with
 * a lambda to play DNS answers (including rebinding) without a DNS server.
 */
@FunctionalInterface
public interface HostResolver {

    /** Every address of {@code host}; throws {@link UnknownHostException} when it has none. */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JVM's resolver ({@link InetAddress#getAllByName}), with its usual caching. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
