package dev.dataapi.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompanyTest {
    private static final String CURRENT = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String PREVIOUS = "whsec_c2Vjb25kLXNlY3JldC1mb3ItcmVjZWl2ZXJz";
    private static final CompanyId ACME = new CompanyId("acme");

    @Test
    void given_a_secret_being_rotated_out_then_both_are_kept_and_neither_is_printed() {
        Company company = new Company(ACME, "Acme", Optional.of(CURRENT), Optional.of(PREVIOUS));

        assertThat(company.webhookSecret()).contains(CURRENT);
        assertThat(company.previousWebhookSecret()).contains(PREVIOUS);
        assertThat(company.toString()).doesNotContain("MfKQ9r8", "c2Vjb25k").contains("previousWebhookSecret=***");
    }

    @Test
    void given_a_previous_secret_without_a_current_one_then_it_is_refused_by_name() {
        assertThatThrownBy(() -> new Company(ACME, "Acme", Optional.empty(), Optional.of(PREVIOUS)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'previous_webhook_secret' needs a 'webhook_secret' that replaces it");
    }

    @Test
    void given_the_same_secret_twice_then_it_is_refused() {
        assertThatThrownBy(() -> new Company(ACME, "Acme", Optional.of(CURRENT), Optional.of(CURRENT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'previous_webhook_secret' must differ from 'webhook_secret'");
    }

    @Test
    void given_a_malformed_previous_secret_then_it_is_refused_by_name() {
        assertThatThrownBy(() -> new Company(ACME, "Acme", Optional.of(CURRENT), Optional.of("not-a-secret")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'previous_webhook_secret' must start with 'whsec_'");
    }

    @Test
    void given_one_secret_then_nothing_is_rotated_out() {
        assertThat(new Company(ACME, "Acme", Optional.of(CURRENT)).previousWebhookSecret()).isEmpty();
        assertThat(new Company(ACME, "Acme", Optional.empty()).toString()).contains("webhookSecret=none");
    }
}
