package dev.dataapi.app.catalog;

import dev.dataapi.ports.RateLimit;
import java.util.List;
import java.util.Optional;

/**
 * The {@code rate_limit:} of an API key: {@code {requests_per_minute: N, burst: M}}, both required
 * and at least 1, so that a half-written limit never silently falls back to the service default.
 */
final class RateLimitEntry {
    static final String FIELD = "rate_limit";
    static final List<String> FIELDS = List.of("requests_per_minute", "burst");

    private RateLimitEntry() {
    }

    static Optional<RateLimit> read(YamlNode node, Problems problems, String entry) {
        Optional<Fields> opened = Fields.of(node, FIELDS, problems, entry, FIELD);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<Integer> perMinute = atLeastOne(fields, "requests_per_minute");
        Optional<Integer> burst = atLeastOne(fields, "burst");
        if (!fields.clean()) {
            return Optional.empty();
        }
        return Optional.of(new RateLimit(perMinute.orElseThrow(), burst.orElseThrow()));
    }

    private static Optional<Integer> atLeastOne(Fields fields, String key) {
        if (fields.node(key).isEmpty()) {
            fields.problem(key, "'" + key + "' is required");
            return Optional.empty();
        }
        Optional<Integer> value = fields.integer(key);
        if (value.isPresent() && value.get() < 1) {
            fields.problem(key, "'" + key + "' must be at least 1, got " + value.get());
            return Optional.empty();
        }
        return value;
    }
}
