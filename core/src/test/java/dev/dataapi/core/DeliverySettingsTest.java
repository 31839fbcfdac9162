package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliverySettingsTest {

    @Test
    void given_no_choices_then_two_senders_a_60_second_lease_the_standard_schedule_and_10_percent_jitter() {
        assertThat(DeliverySettings.defaults()).isEqualTo(new DeliverySettings(2, Duration.ofSeconds(60),
                RetrySchedule.parse("5s,5m,30m,2h,5h,10h,10h"), 0.1, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Test
    void given_a_changed_setting_then_only_that_one_changes() {
        DeliverySettings changed = DeliverySettings.defaults().withSenders(4).withLease(Duration.ofSeconds(90))
                .withRetries(RetrySchedule.parse("1s")).withJitter(0).withPollInterval(Duration.ofMillis(100))
                .withShutdownGrace(Duration.ZERO);

        assertThat(changed).isEqualTo(new DeliverySettings(4, Duration.ofSeconds(90), RetrySchedule.parse("1s"), 0,
                Duration.ofMillis(100), Duration.ZERO));
    }

    @Test
    void given_impossible_values_then_construction_fails_naming_the_setting() {
        DeliverySettings defaults = DeliverySettings.defaults();

        assertThatThrownBy(() -> defaults.withSenders(0)).hasMessageContaining("'senders'");
        assertThatThrownBy(() -> defaults.withLease(Duration.ZERO)).hasMessageContaining("'lease'");
        assertThatThrownBy(() -> defaults.withRetries(null)).hasMessageContaining("'retries'");
        assertThatThrownBy(() -> defaults.withJitter(1)).hasMessageContaining("'jitter'");
        assertThatThrownBy(() -> defaults.withJitter(-0.1)).hasMessageContaining("'jitter'");
        assertThatThrownBy(() -> defaults.withJitter(Double.NaN)).hasMessageContaining("'jitter'");
        assertThatThrownBy(() -> defaults.withPollInterval(Duration.ZERO)).hasMessageContaining("'pollInterval'");
        assertThatThrownBy(() -> defaults.withShutdownGrace(Duration.ofSeconds(-1))).hasMessageContaining("'shutdownGrace'");
    }
}
