package dev.dataapi.app.catalog;

import dev.dataapi.ports.RetiringToken;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code previous_token:} of an API key, what a rotation leaves behind:
 * {@code {token_sha256, token_prefix?, until}}. The old token keeps authenticating until
 * {@code until}; writing it in a file lets an export be applied again without cutting off consumers
 * still switching to the new token.
 */
final class PreviousTokenEntry {
    static final String FIELD = "previous_token";
    static final List<String> FIELDS = List.of("token_sha256", "token_prefix", "until");

    private PreviousTokenEntry() {
    }

    static Optional<RetiringToken> read(YamlNode node, Problems problems, String entry) {
        Optional<Fields> opened = Fields.of(node, FIELDS, problems, entry, FIELD);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<String> hash = fields.requiredText("token_sha256");
        hash.ifPresent(value -> ApiKeyEntry.checkTokenHash(fields, "token_sha256", value));
        Optional<String> prefix = fields.text("token_prefix");
        prefix.ifPresent(value -> ApiKeyEntry.checkTokenPrefix(fields, "token_prefix", value));
        Optional<Instant> until = Optional.empty();
        if (fields.node("until").isEmpty()) {
            fields.problem("until", "'until' is required (the instant the previous token stops working)");
        } else {
            until = fields.instant("until");
        }
        if (!fields.clean()) {
            return Optional.empty();
        }
        return Optional.of(new RetiringToken(hash.orElseThrow(), prefix, until.orElseThrow()));
    }
}
