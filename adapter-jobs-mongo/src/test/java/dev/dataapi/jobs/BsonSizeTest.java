package dev.dataapi.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.JobId;
import dev.dataapi.ports.JsonText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

class BsonSizeTest {

    @Test
    void given_a_document_of_every_stored_type_when_measured_then_the_size_equals_the_encoded_bytes() {
        BsonDocument document = new BsonDocument("_id", new BsonObjectId())
                .append("text", new BsonString("São Paulo \"quoted\" 🌎 ç 日本"))
                .append("date", new BsonDateTime(Instant.parse("2026-04-11T10:30:00Z").toEpochMilli()))
                .append("bytes", new BsonBinary(new byte[] {0, 1, 2, (byte) 0xff}))
                .append("old", new BsonBinary((byte) 2, new byte[] {7, 8}))
                .append("values", ValueCodec.encode(Arrays.asList(null, true, 1, 2L, 3.5d, (short) 4, 5.5f,
                        new BigDecimal("1234567890123456789012345678.901234567890"), LocalDate.of(2026, 4, 11),
                        new JsonText("{\"a\":1}"), List.of(List.of("x"), List.of()))));

        assertThat(BsonSize.of(document)).isEqualTo(encodedSize(document));
    }

    @Test
    void given_an_array_with_many_elements_when_measured_then_multi_digit_index_keys_are_counted() {
        List<Object> numbers = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            numbers.add(i);
        }
        BsonDocument document = new BsonDocument("rows", ValueCodec.encode(numbers));

        assertThat(BsonSize.of(document)).isEqualTo(encodedSize(document));
        assertThat(BsonSize.arrayElement(1_000, ValueCodec.encode(1))).isEqualTo(1 + 4 + 1 + 4);
    }

    @Test
    void given_text_with_a_lone_surrogate_when_measured_then_the_size_matches_what_the_driver_writes() {
        BsonDocument document = new BsonDocument("broken", new BsonString("a\uD800b\uDC00c"))
                .append("pair", new BsonString("\uD83C\uDF0E"));

        assertThat(BsonSize.of(document)).isEqualTo(encodedSize(document));
    }

    @Test
    void given_a_chunk_document_when_measured_element_by_element_then_the_sum_equals_the_encoded_bytes() {
        BsonArray rows = new BsonArray();
        BsonDocument chunk = ResultChunks.chunk(new JobId("507f1f77bcf86cd799439011"), "token", 12,
                rows, Instant.parse("2026-04-12T10:30:00Z"));
        long expected = BsonSize.of(chunk);
        for (int i = 0; i < 15; i++) {
            BsonValue row = ValueCodec.encode(List.of(i, "row " + i));
            expected += BsonSize.arrayElement(i, row);
            rows.add(row);
        }

        assertThat(encodedSize(chunk)).isEqualTo(expected);
    }

    private static long encodedSize(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().remaining();
    }
}
