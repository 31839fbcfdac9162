package dev.dataapi.webhook;

/** What part of the address space an IP address belongs to, as far as webhook delivery cares. */
enum AddressKind {
    PUBLIC("a public", false),
    LOOPBACK("a loopback", true),
    PRIVATE("a private network", true),
    // Never reachable, not even with the private-networks switch: cloud metadata services live here.
    LINK_LOCAL("a link-local", false),
    SHARED("a carrier-grade NAT (shared)", true),
    UNSPECIFIED("an unspecified", false),
    MULTICAST("a multicast", false),
    BROADCAST("a broadcast", false),
    RESERVED("a reserved", false),
    DOCUMENTATION("a documentation", false);

    private final String phrase;
    private final boolean privateNetwork;

    AddressKind(String phrase, boolean privateNetwork) {
        this.phrase = phrase;
        this.privateNetwork = privateNetwork;
    }

    /** Words for a sentence such as "points to a loopback address". */
    String phrase() {
        return phrase;
    }

    /** Whether the private-networks switch (tests, on-premises receivers) makes this kind reachable. */
    boolean privateNetwork() {
        return privateNetwork;
    }
}
