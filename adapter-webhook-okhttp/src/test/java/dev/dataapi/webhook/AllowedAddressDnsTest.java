package dev.dataapi.webhook;

import static dev.dataapi.webhook.Resolvers.ips;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllowedAddressDnsTest {
    private final PublicAddressPolicy policy = new PublicAddressPolicy(false, Resolvers.table(Map.of(
            "mixed.test", ips("93.184.216.34", "127.0.0.1", "2606:4700::1111", "::ffff:169.254.169.254", "10.0.0.1"),
            "internal.test", ips("127.0.0.1", "10.0.0.1"),
            "empty.test", List.of())));
    private final AllowedAddressDns dns = new AllowedAddressDns(policy::resolve, policy::isAllowed);

    @Test
    void given_a_host_with_public_and_internal_addresses_when_connecting_then_only_the_public_ones_are_offered() throws Exception {
        assertThat(dns.lookup("mixed.test")).containsExactlyElementsOf(ips("93.184.216.34", "2606:4700::1111"));
    }

    @Test
    void given_a_host_with_internal_addresses_only_when_connecting_then_it_has_no_allowed_address() {
        assertThatThrownBy(() -> dns.lookup("internal.test"))
                .isInstanceOf(NoAllowedAddressException.class)
                .hasMessage("the callback host has no allowed address");
    }

    @Test
    void given_a_host_that_does_not_resolve_when_connecting_then_it_is_unknown_rather_than_refused() {
        assertThatThrownBy(() -> dns.lookup("nowhere.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(NoAllowedAddressException.class);
        assertThatThrownBy(() -> dns.lookup("empty.test"))
                .isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(NoAllowedAddressException.class);
    }

    @Test
    void given_plain_http_with_private_networks_allowed_when_connecting_then_only_loopback_is_offered() throws Exception {
        PublicAddressPolicy relaxed = new PublicAddressPolicy(true, Resolvers.table(Map.of(
                "receiver.test", ips("10.0.0.1", "127.0.0.1", "::ffff:127.0.0.2", "93.184.216.34"))));
        AllowedAddressDns plainHttp = new AllowedAddressDns(relaxed::resolve, relaxed::isAllowedOverPlainHttp);

        assertThat(plainHttp.lookup("receiver.test")).containsExactlyElementsOf(ips("127.0.0.1", "::ffff:127.0.0.2"));
    }
}
