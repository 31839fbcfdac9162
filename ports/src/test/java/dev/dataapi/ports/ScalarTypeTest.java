package dev.dataapi.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScalarTypeTest {

    @Test
    @DisplayName("strings are accepted as written, but never with a NUL character or an unpaired surrogate")
    void strings() {
        assertThat(ScalarType.STRING.coerce("olá 😀")).contains("olá 😀");
        assertThat(ScalarType.STRING.coerce("a\u0000b")).isEmpty();
        assertThat(ScalarType.STRING.coerce("\ud800")).isEmpty();
        assertThat(ScalarType.STRING.coerce("x\udc00")).isEmpty();
        assertThat(ScalarType.STRING.coerce(new BigDecimal("1"))).isEmpty();
    }

    @Test
    @DisplayName("integers are JSON numbers without a fraction in the 64-bit range")
    void integers() {
        assertThat(ScalarType.INTEGER.coerce(new BigDecimal("3.0"))).contains(3L);
        assertThat(ScalarType.INTEGER.coerce(new BigDecimal("3.5"))).isEmpty();
        assertThat(ScalarType.INTEGER.coerce(new BigDecimal("9223372036854775808"))).isEmpty();
        assertThat(ScalarType.INTEGER.coerce("3")).isEmpty();
    }

    @Test
    @DisplayName("dates are YYYY-MM-DD within years 1 to 9999")
    void dates() {
        assertThat(ScalarType.DATE.coerce("2024-02-29")).contains(LocalDate.of(2024, 2, 29));
        assertThat(ScalarType.DATE.coerce("2023-02-29")).isEmpty();
        assertThat(ScalarType.DATE.coerce("9999-12-31")).isPresent();
        assertThat(ScalarType.DATE.coerce("0000-12-31")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31", "-999999999-01-01", "+5874898-01-01", "11/04/2026", "2026-04-11T00:00:00Z"})
    @DisplayName("dates outside the range or in another shape are refused, never turned into infinity")
    void refused_dates(String value) {
        assertThat(ScalarType.DATE.coerce(value)).isEmpty();
    }

    @Test
    @DisplayName("timestamps need an offset and are normalised to UTC")
    void timestamps() {
        assertThat(ScalarType.TIMESTAMP.coerce("2026-04-11T12:30:00+02:00"))
                .contains(OffsetDateTime.of(2026, 4, 11, 10, 30, 0, 0, ZoneOffset.UTC));
        assertThat(ScalarType.TIMESTAMP.coerce("2026-04-11T12:30:00")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"+999999999-12-31T23:59:59-18:00", "-999999999-01-01T00:00:00+18:00",
            "+999999999-12-31T23:59:59.999999999Z", "10000-01-01T00:00:00Z"})
    @DisplayName("timestamps at the edge of what Java can represent are refused, not crashed on")
    void extreme_timestamps(String value) {
        assertThat(ScalarType.TIMESTAMP.coerce(value)).isEmpty();
    }
}
