package dev.dataapi.http;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpSettingsTest {

    @Test
    void given_host_and_port_only_when_created_then_defaults_are_one_mib_thirty_seconds_and_64_mib_results() {
        HttpSettings settings = HttpSettings.of("0.0.0.0", 8080);

        assertThat(settings.maxBodyBytes()).isEqualTo(1_048_576L);
        assertThat(settings.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxResultBytes()).isEqualTo(64L * 1024 * 1024);
    }

    @Test
    void given_the_four_value_constructor_when_created_then_the_result_limit_is_the_default() {
        HttpSettings settings = new HttpSettings("localhost", 0, 10, Duration.ofSeconds(5));

        assertThat(settings.maxResultBytes()).isEqualTo(HttpSettings.DEFAULT_MAX_RESULT_BYTES);
        assertThat(new HttpSettings("localhost", 0, 10, Duration.ofSeconds(5), 4096).maxResultBytes()).isEqualTo(4096);
    }

    @Test
    void given_invalid_values_when_created_then_the_message_names_the_field() {
        assertThatThrownBy(() -> new HttpSettings(" ", 8080, 1)).hasMessageContaining("'host'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 65_536, 1)).hasMessageContaining("'port'");
        assertThatThrownBy(() -> new HttpSettings("localhost", -1, 1)).hasMessageContaining("'port'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 0, 0)).hasMessageContaining("'maxBodyBytes'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 0, 1, Duration.ofSeconds(-1)))
                .hasMessageContaining("'shutdownGrace'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 0, 1, Duration.ZERO, 0))
                .hasMessageContaining("'maxResultBytes'");
        assertThatThrownBy(() -> new HttpSettings("localhost", 0, 1, Duration.ZERO, Integer.MAX_VALUE))
                .hasMessageContaining("'maxResultBytes'");
    }
}
