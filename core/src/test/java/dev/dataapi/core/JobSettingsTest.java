package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobSettingsTest {

    @Test
    void given_no_choices_then_the_defaults_are_four_workers_a_30_second_lease_beaten_every_10_seconds_and_3_attempts() {
        JobSettings defaults = JobSettings.defaults();

        assertThat(defaults).isEqualTo(new JobSettings(4, Duration.ofSeconds(30), 3, Duration.ofHours(24),
                Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(defaults.heartbeat()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void given_a_changed_setting_then_only_that_one_changes() {
        JobSettings changed = JobSettings.defaults().withWorkers(8).withLease(Duration.ofSeconds(60))
                .withMaxAttempts(5).withRetention(Duration.ofHours(1)).withPollInterval(Duration.ofMillis(250))
                .withShutdownGrace(Duration.ZERO);

        assertThat(changed).isEqualTo(new JobSettings(8, Duration.ofSeconds(60), 5, Duration.ofHours(1),
                Duration.ofMillis(250), Duration.ZERO));
        assertThat(changed.heartbeat()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void given_impossible_values_then_construction_fails_naming_the_setting() {
        JobSettings defaults = JobSettings.defaults();

        assertThatThrownBy(() -> defaults.withWorkers(0)).hasMessageContaining("'workers'");
        assertThatThrownBy(() -> defaults.withLease(Duration.ofMillis(2))).hasMessageContaining("'lease'");
        assertThatThrownBy(() -> defaults.withMaxAttempts(0)).hasMessageContaining("'maxAttempts'");
        assertThatThrownBy(() -> defaults.withRetention(Duration.ZERO)).hasMessageContaining("'retention'");
        assertThatThrownBy(() -> defaults.withPollInterval(Duration.ofSeconds(-1))).hasMessageContaining("'pollInterval'");
        assertThatThrownBy(() -> defaults.withShutdownGrace(Duration.ofSeconds(-1))).hasMessageContaining("'shutdownGrace'");
        assertThatThrownBy(() -> defaults.withLease(null)).hasMessageContaining("'lease'");
    }
}
