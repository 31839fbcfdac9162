package dev.dataapi.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Resolvers that answer from a table, and IP addresses built from text without any DNS query. */
final class Resolvers {
    private Resolvers() {
    }

    /** Answers {@code table}'s addresses; any other host does not resolve. Records every host asked. */
    static Recording table(Map<String, List<InetAddress>> table) {
        return new Recording(table);
    }

    /** Answers {@code first} to the first question and {@code then} to every later one: DNS rebinding. */
    static HostResolver rebinding(InetAddress first, InetAddress then) {
        AtomicBoolean answeredBefore = new AtomicBoolean();
        return host -> List.of(answeredBefore.getAndSet(true) ? then : first);
    }

    /**
     * The address written in {@code text}, an IP literal. IPv4-mapped IPv6 text stays IPv6 (the JDK
     * would turn it into IPv4), as a resolver may hand it over that way.
     */
    static InetAddress ip(String text) {
        try {
            InetAddress parsed = InetAddress.getByName(text);
            if (text.contains(":") && parsed instanceof Inet4Address) {
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(parsed.getAddress(), 0, mapped, 12, 4);
                return Inet6Address.getByAddress(null, mapped, -1);
            }
            return parsed;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP literal: " + text, e);
        }
    }

    static List<InetAddress> ips(String... texts) {
        return Arrays.stream(texts).map(Resolvers::ip).toList();
    }

    static final class Recording implements HostResolver {
        private final Map<String, List<InetAddress>> table;
        private final List<String> asked = new CopyOnWriteArrayList<>();

        private Recording(Map<String, List<InetAddress>> table) {
            this.table = table;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            asked.add(host);
            List<InetAddress> addresses = table.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            return addresses;
        }

        List<String> asked() {
            return new ArrayList<>(asked);
        }
    }
}
