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
    /** Stands in for a current secret that is itself invalid, so the previous one is still checked on its own. */
    private static final String PROBE_SECRET = "whsec_cHJvYmUtc2VjcmV0LXN0YW5kLWlu";

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

    /** A secret that could never sign a callback is refused here, rather than failing every delivery later. */
    private static boolean signable(Fields fields, String field, String secret) {
        return fields.attempt(field, () -> {
            try {
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
        boolean secretValid = secret.isEmpty() || fields.attempt("webhook_secret",
                () -> new Company(PROBE_ID, "probe", secret)).isPresent() && signable(fields, "webhook_secret", secret.get());
        previous.ifPresent(value -> {
            if (fields.attempt("previous_webhook_secret", () -> new Company(PROBE_ID, "probe",
                    secretValid ? secret : Optional.of(PROBE_SECRET), Optional.of(value))).isPresent()) {
                signable(fields, "previous_webhook_secret", value);
            }
        });
        if (!fields.clean()) {
            return Optional.empty();
        }
        return fields.attempt(Fields.WHOLE_ENTRY, () -> new Company(id.orElseThrow(), name.orElseThrow(), secret, previous));
    }
}
