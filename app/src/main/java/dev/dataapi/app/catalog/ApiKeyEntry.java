package dev.dataapi.app.catalog;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ShareContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One item of {@code api_keys:}. A key is imported by the SHA-256 of its token, never the token.
 * Share-context pins are JSON-shaped here; whether each fits the parameters it pins is a
 * cross-entry check, made against the endpoints of the key's company.
 */
final class ApiKeyEntry {
    static final List<String> FIELDS = List.of("id", "company", "token_sha256", "permissions", "share_context",
            "expires_at", "revoked");

    // The token hash is checked on a minimal key so that a bad id or company does not hide it.
    private static final String PROBE_ID = "probe";
    private static final CompanyId PROBE_COMPANY = new CompanyId("probe");

    private ApiKeyEntry() {
    }

    /** How the entry is named in problems: {@code api_key acme-partner-south}, or its position. */
    static String name(YamlNode node, int index) {
        return Fields.peekText(node, "id").map(id -> "api_key " + id).orElse("api_keys[" + index + "]");
    }

    static Optional<ApiKey> read(YamlNode node, int index, Problems problems) {
        Optional<Fields> opened = Fields.ofEntry(node, FIELDS, problems, name(node, index), "api_keys[" + index + "]");
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> id = fields.requiredText("id")
                .flatMap(text -> fields.attempt("id", () -> Names.requireKebabCase("id", text)));
        Optional<CompanyId> company = fields.requiredText("company")
                .flatMap(text -> fields.attempt("company", () -> new CompanyId(text)));
        Optional<String> token = fields.requiredText("token_sha256");
        token.ifPresent(value -> {
            try {
                new ApiKey(PROBE_ID, PROBE_COMPANY, value, Set.of(), ShareContext.none(), Optional.empty(), false);
            } catch (IllegalArgumentException e) {
                // The record names the key it was building, which here is the probe: the entry already says which key.
                fields.problem("token_sha256", e.getMessage().replaceFirst("^api key '" + PROBE_ID + "': ", ""));
            }
        });
        Set<Permission> permissions = permissions(fields);
        ShareContext shareContext = shareContext(fields);
        Optional<Instant> expiresAt = fields.text("expires_at").flatMap(text -> instant(fields, text));
        boolean revoked = fields.bool("revoked", false);
        if (!fields.clean()) {
            return Optional.empty();
        }
        return fields.attempt(Fields.WHOLE_ENTRY, () -> new ApiKey(id.orElseThrow(), company.orElseThrow(), token.orElseThrow(),
                permissions, shareContext, expiresAt, revoked));
    }

    private static Set<Permission> permissions(Fields fields) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        if (fields.node("permissions").isEmpty()) {
            // Required even though it may be empty: a key whose permissions were forgotten must not load.
            fields.problem("permissions", "'permissions' is required (a list of data_api:execute, data_api:get_job)");
            return permissions;
        }
        List<YamlNode> items = fields.list("permissions");
        for (int i = 0; i < items.size(); i++) {
            String key = "permissions[" + i + "]";
            fields.text(key, items.get(i))
                    .flatMap(text -> fields.attempt(key, () -> Permission.fromWire(text)))
                    .ifPresent(permissions::add);
        }
        return permissions;
    }

    private static ShareContext shareContext(Fields fields) {
        Map<String, Object> pins = new LinkedHashMap<>();
        fields.mapping("share_context").ifPresent(mapping -> mapping.entries().forEach((name, node) -> {
            Map<String, Object> pin = new LinkedHashMap<>();
            pin.put(name, node.toJsonValue());
            fields.attempt("share_context." + name, () -> new ShareContext(pin)).ifPresent(valid -> pins.putAll(valid.pins()));
        }));
        return new ShareContext(pins);
    }

    private static Optional<Instant> instant(Fields fields, String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            fields.problem("expires_at", "'expires_at' must be an ISO-8601 instant such as 2027-06-30T00:00:00Z, got '" + text + "'");
            return Optional.empty();
        }
    }
}
