package dev.dataapi.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.ShareContext;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jsonb columns of the catalog: parameter specs, share contexts and name lists. Values are
 * written JSON-shaped (numbers as numbers, dates and timestamps as ISO-8601 strings) and read back
 * JSON-shaped with every number a {@link BigDecimal}, exactly as written; {@link ParameterSpec}
 * and {@link ShareContext} then type them as a catalog file's values would be.
 */
final class CatalogJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CatalogJson() {
    }

    static String parametersToJson(List<ParameterSpec> parameters) {
        List<Map<String, Object>> specs = new ArrayList<>();
        for (ParameterSpec parameter : parameters) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("name", parameter.name());
            spec.put("type", parameter.type().wireName());
            spec.put("required", parameter.required());
            parameter.defaultValue().ifPresent(value -> spec.put("default", jsonShaped(value)));
            if (!parameter.allowedValues().isEmpty()) {
                spec.put("allowed_values", jsonShaped(parameter.allowedValues()));
            }
            parameter.min().ifPresent(value -> spec.put("min", jsonShaped(value)));
            parameter.max().ifPresent(value -> spec.put("max", jsonShaped(value)));
            parameter.maxLength().ifPresent(value -> spec.put("max_length", value));
            parameter.maxItems().ifPresent(value -> spec.put("max_items", value));
            specs.add(spec);
        }
        return write(specs);
    }

    static List<ParameterSpec> parametersFromJson(String json) {
        List<ParameterSpec> parameters = new ArrayList<>();
        for (Object element : asList(read(json), "parameters")) {
            if (!(element instanceof Map)) {
                throw new IllegalArgumentException("'parameters' must hold objects");
            }
            Map<?, ?> spec = (Map<?, ?>) element;
            ParameterSpec.Builder builder = ParameterSpec.builder(asString(spec.get("name"), "name"),
                    ParameterType.fromWire(asString(spec.get("type"), "type")));
            builder.required(Boolean.TRUE.equals(spec.get("required")));
            builder.defaultValue(spec.get("default"));
            if (spec.get("allowed_values") != null) {
                builder.allowedValues(asList(spec.get("allowed_values"), "allowed_values"));
            }
            builder.min(spec.get("min"));
            builder.max(spec.get("max"));
            builder.maxLength(asInteger(spec.get("max_length")));
            builder.maxItems(asInteger(spec.get("max_items")));
            parameters.add(builder.build());
        }
        return parameters;
    }

    static String shareContextToJson(ShareContext shareContext) {
        return write(shareContext.pins());
    }

    static ShareContext shareContextFromJson(String json) {
        Object value = read(json);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("'share_context' must be an object");
        }
        Map<String, Object> pins = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((name, pin) -> pins.put((String) name, pin));
        return new ShareContext(pins);
    }

    static String namesToJson(List<String> names) {
        return write(names);
    }

    static List<String> namesFromJson(String json, String field) {
        List<String> names = new ArrayList<>();
        for (Object name : asList(read(json), field)) {
            if (!(name instanceof String)) {
                throw new IllegalArgumentException("'" + field + "' must hold strings");
            }
            names.add((String) name);
        }
        return names;
    }

    /** Typed parameter values as JSON values; dates and timestamps become ISO-8601 strings. */
    private static Object jsonShaped(Object value) {
        if (value instanceof LocalDate) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format((LocalDate) value);
        }
        if (value instanceof OffsetDateTime) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) value);
        }
        if (value instanceof List) {
            List<Object> values = new ArrayList<>();
            for (Object element : (List<?>) value) {
                values.add(jsonShaped(element));
            }
            return values;
        }
        return value;
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write catalog JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object read(String json) {
        try {
            return decimals(MAPPER.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored JSON is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** Every number a BigDecimal, as the domain's JSON-shaped values expect. */
    private static Object decimals(Object value) {
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof List) {
            List<Object> values = new ArrayList<>();
            for (Object element : (List<?>) value) {
                values.add(decimals(element));
            }
            return values;
        }
        if (value instanceof Map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, element) -> entries.put(key, decimals(element)));
            return entries;
        }
        return value;
    }

    private static List<?> asList(Object value, String field) {
        if (!(value instanceof List)) {
            throw new IllegalArgumentException("'" + field + "' must be an array");
        }
        return (List<?>) value;
    }

    private static String asString(Object value, String field) {
        if (!(value instanceof String)) {
            throw new IllegalArgumentException("parameter '" + field + "' must be a string");
        }
        return (String) value;
    }

    private static Integer asInteger(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof BigDecimal)) {
            throw new IllegalArgumentException("'max_length' and 'max_items' must be numbers");
        }
        try {
            return ((BigDecimal) value).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("'max_length' and 'max_items' must be whole numbers, got " + value, e);
        }
    }
}
