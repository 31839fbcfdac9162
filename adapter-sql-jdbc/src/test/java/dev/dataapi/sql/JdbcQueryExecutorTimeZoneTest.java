package dev.dataapi.sql;

import static dev.dataapi.sql.Queries.request;
import static dev.dataapi.sql.Queries.scalar;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.ports.ScalarType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.TimeZone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Endpoint SQL runs in UTC, so instances in different time zones answer a request alike. */
class JdbcQueryExecutorTimeZoneTest {

    @ParameterizedTest(name = "on a JVM in {0}")
    @ValueSource(strings = {"UTC", "America/Sao_Paulo", "Asia/Kolkata"})
    void given_any_jvm_time_zone_when_timestamps_and_dates_are_converted_then_they_are_converted_in_utc(String zone) {
        TimeZone previous = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        // A new pool: pgjdbc sends the JVM's zone when it connects.
        try (HikariDataSource pool = EmbeddedPostgresSupport.newPool("tz-" + zone.replace('/', '-'), 1, Duration.ofSeconds(5))) {
            CollectingSink sink = new CollectingSink();
            new JdbcQueryExecutor(pool).execute(request("SELECT (:t)::timestamp::text || ' | ' || (:t)::date::text"
                            + " || ' | ' || (:d)::timestamptz::text || ' | ' || current_setting('TimeZone')",
                    scalar("t", ScalarType.TIMESTAMP, OffsetDateTime.parse("2026-04-11T01:30:00Z")),
                    scalar("d", ScalarType.DATE, LocalDate.parse("2026-04-11"))), sink);

            assertThat(sink.single()).isEqualTo("2026-04-11 01:30:00 | 2026-04-11 | 2026-04-11 00:00:00+00 | UTC");
        } finally {
            TimeZone.setDefault(previous);
        }
    }
}
