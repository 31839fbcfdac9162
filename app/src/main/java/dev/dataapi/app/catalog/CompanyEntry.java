package dev.dataapi.app.catalog;

import dev.dataapi.core.WebhookSecret;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Names;
import java.util.List;
import java.util.Optional;

/**
 * One item of {@code companies:}: {@code id}, {@code name}, optional {@code webhook_secret} and
 * {@code previous_webhook_secret} (the one being rotated out).
 */
final class CompanyEntry {
    static final List<String> FIELDS = List.of("id", "name", "webhook_secret", "previous_webhook_secret");

    private static final CompanyId PROBE_ID = new CompanyId("probe");

    private CompanyEntry() {
    }

    /** How the entry is named in problems: {@code company acme}, or its position when it has no id. */
    static String name(YamlNode node, int index) {
        return Fields.peekText(node, "id").map(id -> "company " + id).orElse("companies[" + index + "]");
    }

    /** The company id of the entry when it is a valid one, even when the rest of the entry is not. */
    static Optional<CompanyId> validId(YamlNode node) {
        return Fields.peekText(node, "id").filter(Names::isKebabCase).map(CompanyId::new);
    }

    /**
     * Checks one secret on its own, under {@code field}: the catalog's form, and that it can sign a
     * callback at all (refused here rather than failing every delivery later).
     */
    private static boolean usableSecret(Fields fields, String field, String secret) {
        return fields.attempt(field, () -> {
            try {
                new Company(PROBE_ID, "probe", Optional.of(secret));
                return WebhookSecret.parse(secret);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage().replace("'webhook_secret'", "'" + field + "'"));
            }
        }).isPresent();
    }

    static Optional<Company> read(YamlNode node, int index, Problems problems) {
        Optional<Fields> opened = Fields.ofEntry(node, FIELDS, problems, name(node, index), "companies[" + index + "]");
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<CompanyId> id = fields.requiredText("id")
                .flatMap(text -> fields.attempt("id", () -> new CompanyId(Names.requireKebabCase("id", text))));
        Optional<String> name = fields.requiredText("name")
                .flatMap(text -> fields.attempt("name", () -> Names.requireText("name", text)));
        Optional<String> secret = fields.text("webhook_secret");
        Optional<String> previous = fields.text("previous_webhook_secret");
        // Each secret is checked on its own so that a bad id or name does not hide a bad secret.
        boolean secretUsable = secret.map(value -> usableSecret(fields, "webhook_secret", value)).orElse(true);
        boolean previousUsable = previous.map(value -> usableSecret(fields, "previous_webhook_secret", value)).orElse(true);
        if (previous.isPresent() && secretUsable && previousUsable) {
            // What ties the two together: a previous secret needs a different current one.
            fields.attempt("previous_webhook_secret", () -> new Company(PROBE_ID, "probe", secret, previous));
        }
        if (!fields.clean()) {
            return Optional.empty();
        }
        return fields.attempt(Fields.WHOLE_ENTRY, () -> new Company(id.orElseThrow(), name.orElseThrow(), secret, previous));
    }
}
