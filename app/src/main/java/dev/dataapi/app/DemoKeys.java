package dev.dataapi.app;

/**
 * The demo catalog's tokens. They exist only in the embedded default, whose catalog stores their
 * SHA-256 like any other key; printing them is the point of a demo.
 */
final class DemoKeys {
    /** Company acme, every permission, no share context. */
    static final String FULL_ACCESS = "dak_demo_full_access_0000000000000000000000000000";
    /** Company acme, pinned to region Sul. */
    static final String SOUTH_PARTNER = "dak_demo_south_partner_000000000000000000000000";

    private DemoKeys() {
    }
}
