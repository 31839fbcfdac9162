package dev.dataapi.app.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a catalog in the catalog file format. Every field is written in the spelling the reader
 * accepts; optional fields are left out when they hold nothing, and multi-line SQL is written as
 * a literal block so the file stays readable and diffable.
 */
final class CatalogYamlWriter {
    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private CatalogYamlWriter() {
    }

    static String write(CatalogSnapshot snapshot) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("companies", map(snapshot.companies(), CatalogYamlWriter::company));
        document.put("endpoints", map(snapshot.endpoints(), CatalogYamlWriter::endpoint));
        document.put("api_keys", map(snapshot.apiKeys(), CatalogYamlWriter::apiKey));
        try {
            return MAPPER.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            // Only maps, lists, strings, numbers and booleans are written: this cannot happen.
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> company(Company company) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", company.id().value());
        out.put("name", company.name());
        company.webhookSecret().ifPresent(secret -> out.put("webhook_secret", secret));
        company.previousWebhookSecret().ifPresent(secret -> out.put("previous_webhook_secret", secret));
        return out;
    }

    private static Map<String, Object> endpoint(Endpoint endpoint) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("company", endpoint.company().value());
        out.put("namespace", endpoint.ref().namespace());
        out.put("slug", endpoint.ref().slug());
        out.put("active", endpoint.active());
        out.put("mode", endpoint.mode().wireName());
        out.put("max_rows", endpoint.maxRows());
        out.put("timeout_seconds", endpoint.timeout().toSeconds());
        if (!endpoint.requireShareContext().isEmpty()) {
            out.put("require_share_context", endpoint.requireShareContext());
        }
        out.put("sql", endpoint.sql());
        if (!endpoint.parameters().isEmpty()) {
            out.put("parameters", map(endpoint.parameters(), CatalogYamlWriter::parameter));
        }
        return out;
    }

    private static Map<String, Object> parameter(ParameterSpec parameter) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", parameter.name());
        out.put("type", parameter.type().wireName());
        if (parameter.required()) {
            out.put("required", true);
        }
        parameter.defaultValue().ifPresent(value -> out.put("default", wire(value)));
        if (!parameter.allowedValues().isEmpty()) {
            out.put("allowed_values", wire(parameter.allowedValues()));
        }
        parameter.min().ifPresent(value -> out.put("min", wire(value)));
        parameter.max().ifPresent(value -> out.put("max", wire(value)));
        parameter.maxLength().ifPresent(value -> out.put("max_length", value));
        parameter.maxItems().ifPresent(value -> out.put("max_items", value));
        return out;
    }

    private static Map<String, Object> apiKey(ApiKey key) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", key.id());
        out.put("company", key.company().value());
        out.put("token_sha256", key.tokenSha256());
        key.tokenPrefix().ifPresent(prefix -> out.put("token_prefix", prefix));
        out.put("permissions", map(List.copyOf(key.permissions()), Permission::wireName));
        if (!key.shareContext().isEmpty()) {
            out.put("share_context", key.shareContext().pins());
        }
        if (!key.namespaces().isEmpty()) {
            out.put("namespaces", List.copyOf(key.namespaces()));
        }
        key.rateLimit().ifPresent(limit -> out.put(RateLimitEntry.FIELD, rateLimit(limit)));
        key.expiresAt().ifPresent(instant -> out.put("expires_at", instant.toString()));
        if (key.revoked()) {
            out.put("revoked", true);
        }
        key.previousToken().ifPresent(previous -> out.put(PreviousTokenEntry.FIELD, previousToken(previous)));
        return out;
    }

    private static Map<String, Object> rateLimit(RateLimit limit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests_per_minute", limit.requestsPerMinute());
        out.put("burst", limit.burst());
        return out;
    }

    private static Map<String, Object> previousToken(RetiringToken previous) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token_sha256", previous.tokenSha256());
        previous.tokenPrefix().ifPresent(prefix -> out.put("token_prefix", prefix));
        out.put("until", previous.until().toString());
        return out;
    }

    /** A typed parameter value in its file spelling: dates and timestamps as ISO-8601 text. */
    private static Object wire(Object value) {
        if (value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        if (value instanceof List) {
            return map((List<?>) value, CatalogYamlWriter::wire);
        }
        return value;
    }

    private static <T> List<Object> map(List<T> items, Function<? super T, Object> mapper) {
        List<Object> out = new ArrayList<>();
        items.forEach(item -> out.add(mapper.apply(item)));
        return out;
    }
}
