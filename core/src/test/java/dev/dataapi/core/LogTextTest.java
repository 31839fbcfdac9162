package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void given_line_breaks_tabs_and_escape_sequences_then_each_is_spelled_as_an_escape() {
        assertThat(LogText.safe("a\nb\rc\td\u001b[31me\u0000f\u0085g"))
                .isEqualTo("a\\nb\\rc\\td\\u001b[31me\\u0000f\\u0085g");
    }

    @Test
    void given_unicode_line_separators_and_bidirectional_controls_then_they_are_escaped_too() {
        assertThat(LogText.safe("a\u2028b\u2029c\u202ed\u2066e")).isEqualTo("a\\u2028b\\u2029c\\u202ed\\u2066e");
    }

    @Test
    void given_ordinary_text_in_any_script_then_it_is_logged_unchanged() {
        String text = "relation \"vendas_região\" does not exist — 東京 😀 \\n stays as typed";

        assertThat(LogText.safe(text)).isEqualTo(text);
    }

    @Test
    void given_text_longer_than_the_limit_then_it_is_cut_and_says_how_much_was_left_out() {
        String logged = LogText.safe("x".repeat(LogText.LONGEST_LOGGED + 123));

        assertThat(logged).startsWith("x".repeat(LogText.LONGEST_LOGGED)).endsWith("xx… (123 more characters)");
    }

    @Test
    void given_an_exception_whose_message_and_cause_hold_line_breaks_then_the_printed_trace_escapes_them_and_keeps_the_frames() {
        IllegalStateException cause = new IllegalStateException("cause says\nINFO forged");
        RuntimeException fault = new UnsupportedOperationException("outer\r\nWARN forged", cause);

        Throwable logged = LogText.fault(fault);
        StringWriter printed = new StringWriter();
        logged.printStackTrace(new PrintWriter(printed));

        assertThat(printed.toString().lines()).noneMatch(line -> line.contains("forged") && !line.contains("\\n"));
        assertThat(printed.toString())
                .startsWith("java.lang.UnsupportedOperationException: outer\\r\\nWARN forged")
                .contains("Caused by: java.lang.IllegalStateException: cause says\\nINFO forged")
                .contains("LogTextTest.given_an_exception_whose_message");
        assertThat(logged.getStackTrace()).isEqualTo(fault.getStackTrace());
    }

    @Test
    void given_an_exception_without_a_message_then_it_prints_as_its_class_name() {
        assertThat(LogText.fault(new NullPointerException())).hasToString("java.lang.NullPointerException");
    }
}
