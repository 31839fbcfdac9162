package dev.dataapi.webhook;

import static dev.dataapi.webhook.Resolvers.ip;
import static dev.dataapi.webhook.Resolvers.ips;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DATA_API_WEBHOOK_ALLOW_PRIVATE_NETWORKS: tests and on-premises receivers. */
class PrivateNetworksPolicyTest {
    private final PublicAddressPolicy policy = new PublicAddressPolicy(true, Resolvers.table(Map.of(
            "localhost", ips("127.0.0.1", "::1"),
            "receiver.test", ips("127.0.0.1"),
            "intranet.test", ips("10.1.2.3"),
            "public.test", ips("93.184.216.34"))));

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "fd00::1", "fec0::1",
        "100.64.0.1", "::ffff:10.0.0.1", "93.184.216.34"})
    void given_private_networks_allowed_when_an_internal_address_is_checked_then_it_is_allowed(String address) {
        String literal = address.contains(":") ? "[" + address + "]" : address;

        assertThat(policy.isAllowed(ip(address))).isTrue();
        assertThat(policy.refusal("https://" + literal + ":8443/hook")).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.0.0.0          | an unspecified",
        "::               | an unspecified",
        "224.0.0.1        | a multicast",
        "ff02::1          | a multicast",
        "255.255.255.255  | a broadcast",
        "240.0.0.1        | a reserved",
        "192.0.2.1        | a documentation",
        "2001:db8::1      | a documentation",
        "169.254.169.254  | a link-local",
        "169.254.10.10    | a link-local",
        "fe80::1          | a link-local",
        "::ffff:169.254.169.254 | a link-local",
    })
    void given_private_networks_allowed_when_an_address_nobody_serves_from_is_checked_then_it_is_still_refused(String address, String kind) {
        String literal = address.contains(":") ? "[" + address + "]" : address;

        assertThat(policy.isAllowed(ip(address))).isFalse();
        assertThat(policy.refusal("https://" + literal + "/hook"))
                .contains("callback_url points to " + kind + " address, which webhooks may not reach");
    }

    @Test
    void given_private_networks_allowed_when_localhost_is_named_then_it_is_looked_up_and_allowed() {
        assertThat(policy.refusal("https://localhost:8443/hook")).isEmpty();
        assertThat(policy.refusal("https://receiver.test:8443/hook")).isEmpty();
        assertThat(policy.refusal("https://intranet.test/hook")).isEmpty();
    }

    @Test
    void given_private_networks_allowed_when_plain_http_leads_to_loopback_then_it_is_allowed() {
        assertThat(policy.refusal("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(policy.refusal("http://[::1]:8080/hook")).isEmpty();
        assertThat(policy.refusal("http://localhost:8080/hook")).isEmpty();
        assertThat(policy.refusal("http://receiver.test:8080/hook")).isEmpty();
    }

    @Test
    void given_private_networks_allowed_when_plain_http_leads_beyond_loopback_then_https_is_required() {
        String reason = "callback_url must use https unless it points to a loopback address";

        assertThat(policy.refusal("http://10.1.2.3/hook")).contains(reason);
        assertThat(policy.refusal("http://intranet.test/hook")).contains(reason);
        assertThat(policy.refusal("http://public.test/hook")).contains(reason);
        assertThat(policy.refusal("http://93.184.216.34/hook")).contains(reason);
    }

    @Test
    void given_private_networks_refused_when_plain_http_leads_to_loopback_then_https_is_required() {
        PublicAddressPolicy strict = new PublicAddressPolicy(false, Resolvers.table(Map.of("receiver.test", ips("127.0.0.1"))));

        assertThat(strict.refusal("http://127.0.0.1:8080/hook")).contains("callback_url must use https");
        assertThat(strict.refusal("http://receiver.test:8080/hook")).contains("callback_url must use https");
    }

    @Test
    void given_private_networks_allowed_when_the_url_has_the_wrong_form_then_it_is_still_refused() {
        assertThat(policy.refusal("https://user:pass@receiver.test/")).contains("callback_url must not contain a user name or password");
        assertThat(policy.refusal("https://127.1/")).contains(CallbackUrlForm.ODD_IPV4);
        assertThat(policy.refusal("ftp://receiver.test/")).contains("callback_url must use https");
    }
}
