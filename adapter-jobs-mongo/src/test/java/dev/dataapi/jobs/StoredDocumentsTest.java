package dev.dataapi.jobs;

import static dev.dataapi.ports.fixtures.Fixtures.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CallbackState;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ResultSummary;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.BoundParameter;
import dev.dataapi.ports.QueryRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.Test;

/** The job document mapping on its own, through BSON bytes, without a server. */
class StoredDocumentsTest {

    @Test
    void given_a_query_with_every_parameter_type_when_stored_then_sql_parameters_limits_and_request_id_read_back_equal() {
        OffsetDateTime stamp = OffsetDateTime.of(2026, 4, 11, 10, 30, 0, 123_456_789, ZoneOffset.UTC);
        QueryRequest query = new QueryRequest("SELECT :a, :b", List.of(
                new BoundParameter("name", ParameterType.scalar(ScalarType.STRING), "Sul"),
                new BoundParameter("year", ParameterType.scalar(ScalarType.INTEGER), 2026L),
                new BoundParameter("total", ParameterType.scalar(ScalarType.NUMBER), new BigDecimal("10.00")),
                new BoundParameter("flag", ParameterType.scalar(ScalarType.BOOLEAN), false),
                new BoundParameter("day", ParameterType.scalar(ScalarType.DATE), LocalDate.of(2024, 2, 29)),
                new BoundParameter("at", ParameterType.scalar(ScalarType.TIMESTAMP), stamp),
                new BoundParameter("days", ParameterType.listOf(ScalarType.DATE), List.of(LocalDate.of(2024, 1, 1))),
                new BoundParameter("none", ParameterType.listOf(ScalarType.NUMBER), null)),
                250, Duration.ofSeconds(90).plusNanos(1_500), "req-42");

        QueryRequest read = QueryDocuments.toQuery(throughBytes(QueryDocuments.toDocument(query)));

        assertThat(read).isEqualTo(query);
        assertThat(read.parameters()).extracting(BoundParameter::type).extracting(ParameterType::wireName)
                .containsExactly("string", "integer", "number", "boolean", "date", "timestamp", "date[]", "number[]");
    }

    @Test
    void given_a_job_with_sub_millisecond_instants_and_pins_when_stored_then_it_reads_back_equal() {
        Instant created = Instant.parse("2026-04-11T10:30:00.123456789Z");
        Job job = aJob().createdAt(created).withRetention(Duration.ofHours(1).plusNanos(1))
                .pinning("regions", List.of("Sul", "Norte")).pinning("limit", new BigDecimal("12.50"))
                .pinning("audited", true).withCallbackUrl("https://hooks.example.com/x").build();
        Job completed = job.start().complete(new ResultSummary(List.of(new Column("n", "int4")), 3, true),
                created.plusNanos(999));

        assertThat(JobDocuments.toJob(throughBytes(JobDocuments.toDocument(job)))).isEqualTo(job);
        assertThat(JobDocuments.toJob(throughBytes(JobDocuments.toDocument(completed)))).isEqualTo(completed);
    }

    @Test
    void given_every_kind_of_callback_state_when_stored_then_each_job_reads_back_equal() {
        Instant created = Instant.parse("2026-04-11T10:30:00.123456789Z");
        Job completed = aJob().createdAt(created).withCallbackUrl("https://hooks.example.com/x").build().start()
                .complete(new ResultSummary(List.of(), 0, false), created.plusSeconds(1));
        CallbackState pending = completed.callback().orElseThrow();
        List<CallbackState> states = List.of(pending,
                pending.retryAt(Optional.empty(), created.plusSeconds(10).plusNanos(7)),
                pending.retryAt(Optional.of(503), created.plusSeconds(10)).retryAt(Optional.of(500), created.plusSeconds(40)),
                pending.delivered(200),
                pending.givenUp(Optional.of(410)),
                pending.givenUp(Optional.empty()));

        for (CallbackState state : states) {
            Job job = completed.withCallback(state);
            assertThat(JobDocuments.toJob(throughBytes(JobDocuments.toDocument(job)))).as("%s", state).isEqualTo(job);
        }
    }

    @Test
    void given_a_job_stored_with_a_callback_url_before_deliveries_were_tracked_when_read_then_its_delivery_reads_as_pending() {
        Job job = aJob().withCallbackUrl("https://hooks.example.com/x").build();
        BsonDocument document = JobDocuments.toDocument(job);
        document.remove(CallbackDocuments.CALLBACK);

        assertThat(JobDocuments.toJob(throughBytes(document)).callback()).contains(CallbackState.pending());
    }

    @Test
    void given_an_instant_before_1970_with_nanoseconds_when_stored_then_it_reads_back_equal() {
        Instant early = Instant.parse("1969-12-31T23:59:59.999999999Z");
        BsonDocument document = new BsonDocument();

        PreciseInstants.put(document, "at", early);

        assertThat(PreciseInstants.get(throughBytes(document), "at")).contains(early);
    }

    private static BsonDocument throughBytes(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec()).decode(new BsonDocumentCodec());
    }
}
