package dev.dataapi.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlFormTest {
    private static final String NOT_ABSOLUTE = "callback_url must be an absolute https URL, such as https://hooks.example.com/data-api";
    private static final String ODD_IPV4 = "callback_url writes an IPv4 address in an unusual form; use four decimal numbers without leading zeros";

    // Every host resolves to a public address here: only the URL's form can refuse it.
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final PublicAddressPolicy policy = new PublicAddressPolicy(false, host -> {
        asked.add(host);
        return Resolvers.ips("93.184.216.34");
    });

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hooks.example.com/data-api                | " + NOT_ABSOLUTE,
        "/data-api                                 | " + NOT_ABSOLUTE,
        "https:hooks.example.com                   | " + NOT_ABSOLUTE,
        "ftp://hooks.example.com/                  | callback_url must use https",
        "http://hooks.example.com/                 | callback_url must use https",
        "javascript://hooks.example.com/           | callback_url must use https",
        "https:///data-api                         | callback_url must name a host, such as https://hooks.example.com/data-api",
        "https://:443/data-api                     | callback_url must name a host, such as https://hooks.example.com/data-api",
        "https://localhost/                        | callback_url must not point to localhost",
        "https://LOCALHOST./                       | callback_url must not point to localhost",
        "https://api.localhost:8443/               | callback_url must not point to localhost",
        "https://[hooks.example.com]/              | callback_url has a host in brackets that is not an IPv6 address",
        "https://[127.0.0.1]/                      | callback_url has a host in brackets that is not an IPv6 address",
        "https://[fe80::1%25eth0]/                 | callback_url has a host in brackets that is not an IPv6 address",
        "https://[::1/                             | callback_url has a host in brackets that is not an IPv6 address",
        "https://hooks.example.com:99999/          | callback_url is not a valid URL",
        "https://hooks example.com/                | callback_url is not a valid URL: Illegal character in authority",
    })
    void given_a_url_of_the_wrong_form_when_checked_then_it_is_refused_before_any_lookup(String url, String reason) {
        assertThat(policy.refusal(url)).contains(reason);
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f000001", "0X7F000001", "017700000001", "0177.0.0.1", "0x7f.0.0.1",
        "0x7f.1", "127.1", "127.0.1", "1.2.3.4.5", "256.1.1.1", "08.8.8.8", "127.0.0.1.", "0x5d.184.216.34", "93.184.55330"})
    void given_an_unusual_ipv4_spelling_when_checked_then_it_is_refused_outright(String host) {
        assertThat(policy.refusal("https://" + host + "/hook")).contains(ODD_IPV4);
        assertThat(asked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://user:pass@hooks.example.com/", "https://user@hooks.example.com/",
        "https://:s3cr3t-pass@hooks.example.com/", "https://hooks.example.com\\@127.0.0.1/", "https://a%40b:pass@hooks.example.com/"})
    void given_credentials_in_the_url_when_checked_then_it_is_refused_without_repeating_them(String url) {
        assertThat(policy.refusal(url)).hasValueSatisfying(reason -> assertThat(reason)
                .isEqualTo("callback_url must not contain a user name or password")
                .doesNotContain("user:", ":pass", "s3cr3t", "a%40b"));
    }

    @Test
    void given_an_overlong_url_when_checked_then_it_is_refused() {
        assertThat(policy.refusal("https://hooks.example.com/" + "a".repeat(2_048))).contains(NOT_ABSOLUTE);
        assertThat(policy.refusal("")).contains(NOT_ABSOLUTE);
        assertThat(policy.refusal(null)).contains(NOT_ABSOLUTE);
    }

    @Test
    void given_ordinary_host_names_that_merely_contain_digits_when_checked_then_they_are_looked_up() {
        assertThat(policy.refusal("https://1.2.3.example.com/hook")).isEmpty();
        assertThat(policy.refusal("https://7f000001/hook")).isEmpty();
        assertThat(policy.refusal("https://hooks.example.com./hook")).isEmpty();
        assertThat(asked).containsExactly("1.2.3.example.com", "7f000001", "hooks.example.com.");
    }
}
