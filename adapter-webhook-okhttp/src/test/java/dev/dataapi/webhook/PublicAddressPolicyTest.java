package dev.dataapi.webhook;

import static dev.dataapi.webhook.Resolvers.ip;
import static dev.dataapi.webhook.Resolvers.ips;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicAddressPolicyTest {
    private final Resolvers.Recording resolver = Resolvers.table(Map.of(
            "hooks.example.com", ips("93.184.216.34", "2606:4700::1111"),
            "empty.example.com", List.of(),
            "mixed.example.com", ips("93.184.216.34", "10.0.0.7")));
    private final PublicAddressPolicy policy = new PublicAddressPolicy(false, resolver);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1             | a loopback",
        "127.255.255.254       | a loopback",
        "::1                   | a loopback",
        "0.0.0.0               | an unspecified",
        "0.1.2.3               | an unspecified",
        "::                    | an unspecified",
        "10.0.0.1              | a private network",
        "172.16.0.1            | a private network",
        "172.31.255.255        | a private network",
        "192.168.1.1           | a private network",
        "fc00::1               | a private network",
        "fd12:3456::1          | a private network",
        "fec0::1               | a private network",
        "169.254.169.254       | a link-local",
        "169.254.0.1           | a link-local",
        "fe80::1               | a link-local",
        "100.64.0.1            | a carrier-grade NAT (shared)",
        "100.127.255.254       | a carrier-grade NAT (shared)",
        "224.0.0.1             | a multicast",
        "239.255.255.250       | a multicast",
        "ff02::1               | a multicast",
        "255.255.255.255       | a broadcast",
        "240.0.0.1             | a reserved",
        "192.0.0.8             | a reserved",
        "198.18.0.1            | a reserved",
        "198.19.255.255        | a reserved",
        "2001::1               | a reserved",
        "64:ff9b:1::1          | a reserved",
        "100::1                | a reserved",
        "192.0.2.1             | a documentation",
        "198.51.100.7          | a documentation",
        "203.0.113.9           | a documentation",
        "2001:db8::1           | a documentation",
        "::ffff:127.0.0.1      | a loopback",
        "::ffff:10.0.0.1       | a private network",
        "::ffff:169.254.169.254| a link-local",
        "::127.0.0.1           | a loopback",
        "::10.0.0.1            | a private network",
        "64:ff9b::a9fe:a9fe    | a link-local",
        "64:ff9b::7f00:1       | a loopback",
        "2002:7f00:1::1        | a loopback",
        "2002:c0a8:101::1      | a private network",
    })
    void given_a_refused_address_when_a_host_resolves_to_it_then_the_url_is_refused_naming_the_kind(String address, String kind) {
        PublicAddressPolicy policy = new PublicAddressPolicy(false, Resolvers.table(Map.of("internal.example.com", List.of(ip(address)))));

        assertThat(policy.refusal("https://internal.example.com/hook")).contains(
                "callback_url's host resolves to " + kind + " address, which webhooks may not reach");
        assertThat(policy.isAllowed(ip(address))).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1             | a loopback",
        "[::1]                 | a loopback",
        "0.0.0.0               | an unspecified",
        "[::]                  | an unspecified",
        "10.0.0.1              | a private network",
        "172.16.0.1            | a private network",
        "192.168.1.1           | a private network",
        "[fd12:3456::1]        | a private network",
        "169.254.169.254       | a link-local",
        "[fe80::1]             | a link-local",
        "100.64.0.1            | a carrier-grade NAT (shared)",
        "224.0.0.1             | a multicast",
        "[ff02::1]             | a multicast",
        "255.255.255.255       | a broadcast",
        "240.0.0.1             | a reserved",
        "198.18.0.1            | a reserved",
        "192.0.2.1             | a documentation",
        "[2001:db8::1]         | a documentation",
        "[::ffff:127.0.0.1]    | a loopback",
        "[::ffff:7f00:1]       | a loopback",
        "[::127.0.0.1]         | a loopback",
        "[64:ff9b::a9fe:a9fe]  | a link-local",
        "[2002:7f00:1::1]      | a loopback",
    })
    void given_a_refused_ip_literal_as_host_when_checked_then_it_is_refused_without_a_lookup(String host, String kind) {
        assertThat(policy.refusal("https://" + host + ":8443/hook")).contains(
                "callback_url points to " + kind + " address, which webhooks may not reach");
        assertThat(resolver.asked()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "1.1.1.1", "172.15.255.255", "172.32.0.1", "100.63.255.255",
        "100.128.0.1", "198.17.255.255", "198.20.0.1", "169.253.255.255", "2606:4700::1111",
        "2a00:1450:4001::200e", "::ffff:93.184.216.34", "64:ff9b::5db8:d822", "2002:5db8:d822::1"})
    void given_a_public_address_when_checked_then_it_is_allowed_as_literal_and_as_resolved(String address) {
        PublicAddressPolicy policy = new PublicAddressPolicy(false, Resolvers.table(Map.of("public.example.com", List.of(ip(address)))));
        String literal = address.contains(":") ? "[" + address + "]" : address;

        assertThat(policy.isAllowed(ip(address))).isTrue();
        assertThat(policy.refusal("https://public.example.com/hook")).isEmpty();
        assertThat(policy.refusal("https://" + literal + "/hook")).isEmpty();
    }

    @Test
    void given_a_host_with_only_public_addresses_when_checked_then_the_url_is_allowed() {
        assertThat(policy.refusal("https://hooks.example.com/data-api?token=abc")).isEmpty();
        assertThat(policy.refusal("HTTPS://Hooks.Example.COM:8443/data-api")).isEmpty();
        assertThat(resolver.asked()).containsExactly("hooks.example.com", "hooks.example.com");
    }

    @Test
    void given_a_host_with_one_private_address_among_public_ones_when_checked_then_the_url_is_refused() {
        assertThat(policy.refusal("https://mixed.example.com/hook")).contains(
                "callback_url's host resolves to a private network address, which webhooks may not reach");
    }

    @Test
    void given_a_host_that_does_not_resolve_when_checked_then_the_url_is_refused() {
        assertThat(policy.refusal("https://nowhere.example.com/hook")).contains("callback_url's host could not be resolved");
        assertThat(policy.refusal("https://empty.example.com/hook")).contains("callback_url's host could not be resolved");
    }

    @Test
    void given_a_refused_address_when_checked_then_the_refusal_names_its_kind_but_never_the_address() {
        PublicAddressPolicy policy = new PublicAddressPolicy(false, Resolvers.table(Map.of("db.internal", ips("10.20.30.40"))));

        assertThat(policy.refusal("https://db.internal/")).hasValueSatisfying(reason -> assertThat(reason).doesNotContain("10.20"));
    }

    @Test
    void given_the_system_resolver_when_ip_literals_are_checked_then_they_are_decided_without_a_lookup() {
        PublicAddressPolicy system = new PublicAddressPolicy(false);

        assertThat(system.refusal("https://127.0.0.1/")).contains("callback_url points to a loopback address, which webhooks may not reach");
        assertThat(system.refusal("https://93.184.216.34/")).isEmpty();
        assertThat(system.isAllowed(InetAddress.getLoopbackAddress())).isFalse();
    }
}
