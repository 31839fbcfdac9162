package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void given_no_choice_then_the_standard_webhooks_schedule_allows_eight_attempts() {
        RetrySchedule defaults = RetrySchedule.defaults();

        assertThat(defaults.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
        assertThat(defaults.attempts()).isEqualTo(8);
        assertThat(defaults.total()).isEqualTo(Duration.parse("PT27H35M5S"));
        assertThat(defaults).hasToString("5s,5m,30m,2h,5h,10h,10h");
    }

    @Test
    void given_spaces_capitals_and_every_unit_then_each_entry_is_read() {
        RetrySchedule schedule = RetrySchedule.parse(" 250ms, 1S ,2m,3h , 1d ");

        assertThat(schedule.delays()).containsExactly(Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofMinutes(2),
                Duration.ofHours(3), Duration.ofDays(1));
        assertThat(schedule).hasToString("250ms,1s,2m,3h,1d");
        assertThat(RetrySchedule.parse(schedule.toString())).isEqualTo(schedule);
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(schedule.delayAfter(5)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void given_none_then_a_single_attempt_and_no_retries() {
        RetrySchedule none = RetrySchedule.parse("none");

        assertThat(none.delays()).isEmpty();
        assertThat(none.attempts()).isEqualTo(1);
        assertThat(none).hasToString("none");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "5s,5x,5m       | entry 2 ('5x') must be a whole number followed by ms, s, m, h or d",
        "5s,,5m         | entry 2 ('') must be a whole number",
        "five seconds   | entry 1 ('five seconds') must be a whole number",
        "-5s            | entry 1 ('-5s') must be a whole number",
        "1.5s           | entry 1 ('1.5s') must be a whole number",
        "0s             | entry 1 ('0s') must be positive and at most a day",
        "25h            | entry 1 ('25h') must be positive and at most a day",
        "9999999999s    | entry 1 ('9999999999s') must be a whole number"})
    void given_a_malformed_entry_then_the_error_names_it_and_shows_an_example(String text, String expected) {
        assertThatThrownBy(() -> RetrySchedule.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'retrySchedule' ").hasMessageContaining(expected);
    }

    @Test
    void given_an_empty_text_then_the_error_says_how_to_ask_for_no_retries() {
        assertThatThrownBy(() -> RetrySchedule.parse("  ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'retrySchedule' is empty").hasMessageContaining("'none'");
    }

    @Test
    void given_delays_out_of_range_when_constructed_then_the_entry_is_named() {
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ZERO)))
                .hasMessageContaining("entry 2");
        assertThatThrownBy(() -> new RetrySchedule(List.of(Duration.ofDays(2)))).hasMessageContaining("entry 1");
    }

    @Test
    void given_an_attempt_the_schedule_has_no_wait_after_then_asking_for_it_fails() {
        RetrySchedule schedule = RetrySchedule.parse("1s,2s");

        assertThat(schedule.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThatThrownBy(() -> schedule.delayAfter(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> schedule.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
