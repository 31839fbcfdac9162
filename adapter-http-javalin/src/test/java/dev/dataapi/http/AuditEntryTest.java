package dev.dataapi.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

@DisplayName("An audit entry is one JSON line that no value can break")
class AuditEntryTest {

    private static final Instant TIME = Instant.parse("2026-04-11T10:30:00.123456Z");

    @Test
    void given_values_with_quotes_and_line_breaks_when_written_then_the_line_stays_one_json_object() {
        String hostile = "x\"}\n{\"status\":200,\"key_id\":\"admin";
        AuditEntry entry = new AuditEntry(TIME, hostile, AuditAction.EXECUTE, Optional.of(hostile), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 401, 0, 5, true);

        String line = entry.toJson();

        assertThat(line).doesNotContain("\n", "\r");
        Map<String, Object> fields = FlatJson.read(line);
        assertThat(fields).contains(entry("request_id", hostile), entry("key_id", hostile), entry("status", 401L),
                entry("time", "2026-04-11T10:30:00.123Z"));
    }

    @Test
    void given_execute_entry_without_a_job_when_written_then_job_id_is_null() {
        AuditEntry entry = new AuditEntry(TIME, "rid", AuditAction.EXECUTE, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 200, 1, 0, true);

        assertThat(FlatJson.read(entry.toJson())).containsEntry("job_id", null).containsEntry("action", "execute");
    }

    @Test
    void given_impossible_numbers_when_created_then_they_are_refused_naming_the_field() {
        assertThatThrownBy(() -> entryWith(99, 0, 0)).hasMessageContaining("'status'");
        assertThatThrownBy(() -> entryWith(200, -1, 0)).hasMessageContaining("'rows'");
        assertThatThrownBy(() -> entryWith(200, 0, -1)).hasMessageContaining("'durationMillis'");
    }

    private static AuditEntry entryWith(int status, int rows, long millis) {
        return new AuditEntry(TIME, "rid", AuditAction.GET_JOB, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), status, rows, millis, true);
    }
}
