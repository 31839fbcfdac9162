package dev.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.JsonText;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchSizingTest {

    @Test
    void given_narrow_rows_then_fetches_ask_for_the_most_rows() {
        FetchSizing sizing = new FetchSizing();

        assertThat(sizing.afterRow(new Object[] {1, "Sul", new BigDecimal("12.50")})).isEqualTo(FetchSizing.MAX_FETCH_ROWS);
    }

    @Test
    void given_a_wide_row_then_fetches_shrink_to_it_and_stay_small_after_narrower_rows() {
        FetchSizing sizing = new FetchSizing();
        sizing.afterRow(new Object[] {"x".repeat(10)});

        assertThat(sizing.afterRow(new Object[] {new JsonText("{\"doc\":\"" + "y".repeat(1024 * 1024) + "\"}")})).isEqualTo(7);
        assertThat(sizing.afterRow(new Object[] {"x"})).as("the widest row seen so far counts").isEqualTo(7);
    }

    @Test
    void given_bytes_and_arrays_then_their_wire_size_is_estimated() {
        assertThat(FetchSizing.estimate(new byte[100])).as("bytea travels as hex").isEqualTo(200);
        assertThat(FetchSizing.estimate(List.of("abc", List.of("de", "f")))).isEqualTo(6);
        assertThat(FetchSizing.estimate(null)).isEqualTo(16);
        assertThat(FetchSizing.firstFetch(5)).isEqualTo(5);
        assertThat(FetchSizing.firstFetch(10_001)).isEqualTo(FetchSizing.FIRST_FETCH_ROWS);
    }

    @Test
    void given_a_row_wider_than_a_whole_fetch_then_fetches_ask_for_one_row() {
        FetchSizing sizing = new FetchSizing();

        assertThat(sizing.afterRow(new Object[] {"z".repeat(9 * 1024 * 1024)})).isEqualTo(1);
    }
}
