package dev.dataapi.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2015-10-21T07:28:00Z");

    @Test
    void given_delay_seconds_when_read_then_that_many_seconds() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("9999999999", NOW)).contains(Duration.ofSeconds(9_999_999_999L));
    }

    @Test
    void given_an_http_date_when_read_then_the_time_until_it() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:30:30 GMT", NOW)).contains(Duration.ofSeconds(150));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 08:28:00 GMT", NOW)).contains(Duration.ofHours(1));
    }

    @Test
    void given_an_http_date_in_the_past_when_read_then_retry_at_once() {
        assertThat(RetryAfter.parse("Tue, 20 Oct 2015 07:28:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "soon", "-5", "1.5", "12345678901", "120s", "Wed, 32 Oct 2015 07:28:00 GMT", "2015-10-21T08:00:00Z"})
    void given_an_invalid_value_when_read_then_it_is_ignored(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }
}
