package dev.dataapi.webhook;

import java.net.InetAddress;

/**
 * Sorts IP addresses into {@link AddressKind}s by their bytes, not by {@link InetAddress}'s own
 * predicates: those miss IPv4 addresses embedded in IPv6 ({@code ::ffff:127.0.0.1} is not
 * "loopback" to the JDK) and most reserved ranges. IPv6 is an allow-list: only global unicast
 * ({@code 2000::/3}) and the translation prefixes carrying a public IPv4 address count as public.
 */
final class AddressClassifier {
    private AddressClassifier() {
    }

    static AddressKind classify(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ipv4(toInt(bytes, 0)) : ipv6(bytes);
    }

    private static AddressKind ipv4(int a) {
        if (in(a, 0x00000000, 8)) {
            return AddressKind.UNSPECIFIED;
        }
        if (in(a, 0x7f000000, 8)) {
            return AddressKind.LOOPBACK;
        }
        if (in(a, 0x0a000000, 8) || in(a, 0xac100000, 12) || in(a, 0xc0a80000, 16)) {
            return AddressKind.PRIVATE;
        }
        if (in(a, 0xa9fe0000, 16)) {
            return AddressKind.LINK_LOCAL;
        }
        if (in(a, 0x64400000, 10)) {
            return AddressKind.SHARED;
        }
        if (in(a, 0xe0000000, 4)) {
            return AddressKind.MULTICAST;
        }
        if (a == 0xffffffff) {
            return AddressKind.BROADCAST;
        }
        if (in(a, 0xc0000200, 24) || in(a, 0xc6336400, 24) || in(a, 0xcb007100, 24)) {
            return AddressKind.DOCUMENTATION;
        }
        if (in(a, 0xf0000000, 4) || in(a, 0xc0000000, 24) || in(a, 0xc6120000, 15)) {
            return AddressKind.RESERVED;
        }
        return AddressKind.PUBLIC;
    }

    private static AddressKind ipv6(byte[] b) {
        if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return ipv4(toInt(b, 12)); // ::ffff:0:0/96, IPv4-mapped
        }
        if (zeros(b, 0, 12)) {
            if (zeros(b, 12, 15)) {
                if (b[15] == 0) {
                    return AddressKind.UNSPECIFIED;
                }
                if (b[15] == 1) {
                    return AddressKind.LOOPBACK;
                }
            }
            return ipv4(toInt(b, 12)); // ::/96, IPv4-compatible
        }
        if (prefix(b, 0x0064ff9b, 32) && zeros(b, 4, 12)) {
            return ipv4(toInt(b, 12)); // 64:ff9b::/96, NAT64
        }
        if (prefix(b, 0x20020000, 16)) {
            return ipv4(toInt(b, 2)); // 2002::/16, 6to4
        }
        if (prefix(b, 0x20010db8, 32)) {
            return AddressKind.DOCUMENTATION;
        }
        if (prefix(b, 0x20010000, 32)) {
            return AddressKind.RESERVED; // Teredo: the embedded IPv4 addresses are obfuscated
        }
        if (prefix(b, 0xff000000, 8)) {
            return AddressKind.MULTICAST;
        }
        if (prefix(b, 0xfe800000, 10)) {
            return AddressKind.LINK_LOCAL;
        }
        if (prefix(b, 0xfec00000, 10) || prefix(b, 0xfc000000, 7)) {
            return AddressKind.PRIVATE; // site-local (deprecated) and unique local
        }
        if (!prefix(b, 0x20000000, 3)) {
            return AddressKind.RESERVED; // NAT64 local-use, discard-only, and every unassigned block
        }
        return AddressKind.PUBLIC;
    }

    private static boolean in(int address, int network, int bits) {
        int mask = bits == 0 ? 0 : -1 << (32 - bits);
        return (address & mask) == network;
    }

    private static boolean prefix(byte[] b, int network, int bits) {
        return in(toInt(b, 0), network, bits);
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static int toInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
