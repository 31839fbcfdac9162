package dev.dataapi.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ValueCodecTest {

    static Stream<Object> everyScalarType() {
        return Stream.of("São Paulo \"quoted\" 🌎", "", true, false, 42, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                0.1d, -1.0e-300, Double.MAX_VALUE, Double.NaN, Double.NEGATIVE_INFINITY, (short) 7, Short.MIN_VALUE,
                1.25f, Float.MIN_VALUE, Float.MAX_VALUE, new BigDecimal("1.50"), new BigDecimal("0"),
                new BigDecimal("1234567890123456789012345678.901234567890"), new BigDecimal("-1E-39"),
                new BigDecimal("1E+400"), LocalDate.of(2026, 4, 11), LocalDate.of(1, 1, 1), LocalDate.of(-44, 3, 15),
                LocalDate.of(10_000, 1, 1), LocalTime.of(10, 30), LocalTime.of(10, 30, 0, 123_456_000),
                LocalTime.MIDNIGHT, LocalTime.MAX, OffsetTime.of(10, 30, 0, 0, ZoneOffset.ofHours(-3)),
                OffsetTime.of(23, 59, 59, 999_999_000, ZoneOffset.ofHoursMinutes(5, 45)),
                LocalDateTime.of(2026, 4, 11, 10, 30, 0, 654_321_000), LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                OffsetDateTime.of(2026, 4, 11, 10, 30, 0, 123_456_789, ZoneOffset.ofHours(-3)),
                OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                new JsonText("{\"a\":[1,2.50,{\"b\":null}],\"c\":\"ç\"}"), new JsonText("null"));
    }

    @ParameterizedTest
    @MethodSource("everyScalarType")
    @DisplayName("every scalar value reads back equal and of the same type, also after a trip through BSON bytes")
    void scalar_round_trip(Object value) {
        Object decoded = ValueCodec.decode(throughBytes(ValueCodec.encode(value)));

        assertThat(decoded).isInstanceOf(value.getClass()).isEqualTo(value);
    }

    @Test
    void given_a_decimal_longer_than_decimal128_when_stored_then_every_digit_and_the_scale_survive() {
        BigDecimal wide = new BigDecimal("-99999999999999999999999999999999999999.90000");

        Object decoded = ValueCodec.decode(throughBytes(ValueCodec.encode(wide)));

        assertThat(decoded).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) decoded).unscaledValue()).isEqualTo(wide.unscaledValue());
        assertThat(((BigDecimal) decoded).scale()).isEqualTo(5);
    }

    @Test
    void given_narrow_types_when_stored_then_they_come_back_narrow_not_widened() {
        assertThat(ValueCodec.decode(throughBytes(ValueCodec.encode((short) 3)))).isExactlyInstanceOf(Short.class);
        assertThat(ValueCodec.decode(throughBytes(ValueCodec.encode(3)))).isExactlyInstanceOf(Integer.class);
        assertThat(ValueCodec.decode(throughBytes(ValueCodec.encode(3L)))).isExactlyInstanceOf(Long.class);
        assertThat(ValueCodec.decode(throughBytes(ValueCodec.encode(0.1f)))).isExactlyInstanceOf(Float.class).isEqualTo(0.1f);
    }

    @Test
    void given_native_types_when_encoded_then_they_use_the_matching_bson_types() {
        assertThat(ValueCodec.encode("x").getBsonType()).isEqualTo(BsonType.STRING);
        assertThat(ValueCodec.encode(true).getBsonType()).isEqualTo(BsonType.BOOLEAN);
        assertThat(ValueCodec.encode(1).getBsonType()).isEqualTo(BsonType.INT32);
        assertThat(ValueCodec.encode(1L).getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(ValueCodec.encode(1.0d).getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(ValueCodec.encode(new byte[] {1}).getBsonType()).isEqualTo(BsonType.BINARY);
        assertThat(ValueCodec.encode(List.of()).getBsonType()).isEqualTo(BsonType.ARRAY);
        assertThat(ValueCodec.encode(null).getBsonType()).isEqualTo(BsonType.NULL);
        assertThat(ValueCodec.encode(new BigDecimal("2.5")).asDocument())
                .isEqualTo(new BsonDocument("_t", new BsonString("numeric")).append("v", new BsonString("2.5")));
    }

    @Test
    void given_bytes_when_stored_then_the_same_bytes_come_back() {
        byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff};

        assertThat((byte[]) ValueCodec.decode(throughBytes(ValueCodec.encode(bytes)))).containsExactly(bytes);
        assertThat((byte[]) ValueCodec.decode(throughBytes(ValueCodec.encode(new byte[0])))).isEmpty();
    }

    @Test
    void given_nested_lists_with_nulls_and_tagged_values_when_stored_then_the_structure_and_types_survive() {
        List<Object> nested = Arrays.asList(List.of("a", "b"), Arrays.asList("c", null), List.of(),
                List.of(new BigDecimal("1.50"), LocalDate.of(2026, 4, 11)), null,
                List.of(List.of(List.of((short) 1, 2, 3L))));

        Object decoded = ValueCodec.decode(throughBytes(ValueCodec.encode(nested)));

        assertThat(decoded).isEqualTo(nested);
        List<?> innermost = (List<?>) ((List<?>) ((List<?>) ((List<?>) decoded).get(5)).get(0)).get(0);
        assertThat(innermost).extracting(Object::getClass).containsExactly(Short.class, Integer.class, Long.class);
    }

    @Test
    void given_a_list_of_bytes_when_stored_then_each_element_keeps_its_bytes() {
        List<byte[]> values = List.of(new byte[] {1, 2}, new byte[] {3});

        List<?> decoded = (List<?>) ValueCodec.decode(throughBytes(ValueCodec.encode(values)));

        assertThat((byte[]) decoded.get(0)).containsExactly(1, 2);
        assertThat((byte[]) decoded.get(1)).containsExactly(3);
    }

    @Test
    void given_null_when_stored_then_null_comes_back() {
        assertThat(ValueCodec.decode(throughBytes(ValueCodec.encode(null)))).isNull();
    }

    @Test
    void given_a_type_outside_the_contract_when_encoded_then_the_error_names_the_type() {
        assertThatThrownBy(() -> ValueCodec.encode(Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.");
        assertThatThrownBy(() -> ValueCodec.encode(BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.math.BigInteger");
    }

    @Test
    void given_a_document_with_an_unknown_tag_when_decoded_then_the_error_names_the_tag() {
        BsonDocument unknown = new BsonDocument("_t", new BsonString("money")).append("v", new BsonString("$1"));

        assertThatThrownBy(() -> ValueCodec.decode(unknown))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'money'");
    }

    @Test
    void given_binary_of_another_subtype_when_decoded_then_its_bytes_come_back() {
        assertThat((byte[]) ValueCodec.decode(new BsonBinary((byte) 0x80, new byte[] {9}))).containsExactly(9);
    }

    /** Encodes to BSON bytes and parses them again, as a round trip through MongoDB would. */
    private static BsonValue throughBytes(BsonValue value) {
        BsonDocument wrapper = new BsonDocument("value", value);
        RawBsonDocument raw = new RawBsonDocument(wrapper, new BsonDocumentCodec());
        return raw.decode(new BsonDocumentCodec()).get("value");
    }
}
