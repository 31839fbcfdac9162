package dev.dataapi.app.catalog;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.ShareContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * One item of {@code api_keys:}. A key is imported by the SHA-256 of its token, never the token.
 * Share-context pins are JSON-shaped here; whether each fits the parameters it pins is a
 * cross-entry check, made against the endpoints of the key's company.
 */
final class ApiKeyEntry {
    static final List<String> FIELDS = List.of("id", "company", "token_sha256", "token_prefix", "permissions",
            "share_context", "namespaces", RateLimitEntry.FIELD, "expires_at", "revoked", PreviousTokenEntry.FIELD);

    // Token hash and prefix are checked on a minimal key so that a bad id or company does not hide them.
    private static final String PROBE_ID = "probe";
    private static final CompanyId PROBE_COMPANY = new CompanyId("probe");
    private static final String PROBE_HASH = "0".repeat(64);

    private ApiKeyEntry() {
    }

    /** How the entry is named in problems: {@code api_key acme-partner-south}, or its position. */
    static String name(YamlNode node, int index) {
        return Fields.peekText(node, "id").map(id -> "api_key " + id).orElse("api_keys[" + index + "]");
    }

    static Optional<ApiKey> read(YamlNode node, int index, Problems problems) {
        String entry = name(node, index);
        Optional<Fields> opened = Fields.ofEntry(node, FIELDS, problems, entry, "api_keys[" + index + "]");
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> id = fields.requiredText("id")
                .flatMap(text -> fields.attempt("id", () -> Names.requireKebabCase("id", text)));
        Optional<CompanyId> company = fields.requiredText("company")
                .flatMap(text -> fields.attempt("company", () -> new CompanyId(text)));
        Optional<String> token = fields.requiredText("token_sha256");
        token.ifPresent(value -> checkTokenHash(fields, "token_sha256", value));
        Optional<String> prefix = fields.text("token_prefix");
        prefix.ifPresent(value -> checkTokenPrefix(fields, "token_prefix", value));
        Set<Permission> permissions = permissions(fields);
        ShareContext shareContext = shareContext(fields);
        Set<String> namespaces = namespaces(fields);
        Optional<RateLimit> rateLimit = fields.node(RateLimitEntry.FIELD)
                .flatMap(limit -> RateLimitEntry.read(limit, problems, entry));
        Optional<Instant> expiresAt = fields.instant("expires_at");
        boolean revoked = fields.bool("revoked", false);
        Optional<RetiringToken> previous = fields.node(PreviousTokenEntry.FIELD)
                .flatMap(previousToken -> PreviousTokenEntry.read(previousToken, problems, entry));
        if (previous.isPresent() && token.isPresent() && previous.get().tokenSha256().equals(token.get())) {
            fields.problem(PreviousTokenEntry.FIELD + ".token_sha256", "the previous token must differ from the current one");
        }
        if (!fields.clean()) {
            return Optional.empty();
        }
        return fields.attempt(Fields.WHOLE_ENTRY, () -> new ApiKey(id.orElseThrow(), company.orElseThrow(), token.orElseThrow(),
                prefix, permissions, shareContext, namespaces, rateLimit, expiresAt, revoked, previous));
    }

    /** Reports under {@code key} when {@code value} is not a lower-case hex SHA-256. */
    static void checkTokenHash(Fields fields, String key, String value) {
        probe(fields, key, () -> new ApiKey(PROBE_ID, PROBE_COMPANY, value, Set.of(), ShareContext.none(), Optional.empty(), false));
    }

    /** Reports under {@code key} when {@code value} is not a display prefix the catalog can store. */
    static void checkTokenPrefix(Fields fields, String key, String value) {
        probe(fields, key, () -> new ApiKey(PROBE_ID, PROBE_COMPANY, PROBE_HASH, Optional.of(value), Set.of(),
                ShareContext.none(), Set.of(), Optional.empty(), Optional.empty(), false, Optional.empty()));
    }

    private static void probe(Fields fields, String key, Supplier<ApiKey> construction) {
        try {
            construction.get();
        } catch (IllegalArgumentException e) {
            // The record names the key it was building, which here is the probe: the entry already says which key.
            fields.problem(key, e.getMessage().replaceFirst("^api key '" + PROBE_ID + "': ", ""));
        }
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

    /** The namespaces the key is scoped to; none listed (or an empty list) means all of its company's. */
    private static Set<String> namespaces(Fields fields) {
        Set<String> namespaces = new TreeSet<>();
        List<YamlNode> items = fields.list("namespaces");
        for (int i = 0; i < items.size(); i++) {
            String key = "namespaces[" + i + "]";
            fields.text(key, items.get(i))
                    .flatMap(text -> fields.attempt(key, () -> Names.requireKebabCase("namespaces", text)))
                    .ifPresent(namespaces::add);
        }
        return namespaces;
    }
}
