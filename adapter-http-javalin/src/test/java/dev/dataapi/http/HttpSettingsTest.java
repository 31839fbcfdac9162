package dev.dataapi.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {

    @Test
    void given_host_and_port_only_when_created_then_defaults_are_one_mib_and_thirty_seconds() {
        HttpSettings settings = HttpSettings.of("0.0.0.0", 8080);

        assertThat(settings.maxBodyBytes()).isEqualTo(1_048_576L);
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void given_invalid_values_when_created_then_the_message_names_the_field() {
        assertThatThrownBy(() -> new HttpSettings(" ", 8080, 1)).hasMessageContaining("'host'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 65_536, 1)).hasMessageContaining("'port'");
        assertThatThrownBy(() -> new HttpSettings("localhost", -1, 1)).hasMessageContaining("'port'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 0, 0)).hasMessageContaining("'maxBodyBytes'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 0, 1, Duration.ofSeconds(-1)))
                .hasMessageContaining("'shutdownGrace'");
    }
}
