package dev.dataapi.ports;

import java.util.Objects;
import java.util.Optional;

/**
 * A tenant of the service.
 *
 * @param id                    the company's id
 * @param name                  a display name
 * @param webhookSecret         the Standard Webhooks signing secret ({@code whsec_…}) used for this
 *                              company's callbacks, when it has one
 * @param previousWebhookSecret the secret being rotated out: while it is set, every callback carries
 *                              a signature under each secret, so receivers still holding the previous
 *                              one keep verifying until they switch; needs a current secret
 */
public record Company(CompanyId id, String name, Optional<String> webhookSecret, Optional<String> previousWebhookSecret) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param id                    the company's id
     * @param name                  a display name
     * @param webhookSecret         the Standard Webhooks signing secret ({@code whsec_…}) used for this company's callbacks, when it has one
     * @param previousWebhookSecret the secret being rotated out, which also signs callbacks while set; needs a current secret
     */
    public Company {
        Objects.requireNonNull(id, "'id' is required");
        Names.requireText("name", name);
        webhookSecret = Objects.requireNonNullElse(webhookSecret, Optional.empty());
        previousWebhookSecret = Objects.requireNonNullElse(previousWebhookSecret, Optional.empty());
        webhookSecret.ifPresent(secret -> requireSecretFormat("webhook_secret", secret));
        previousWebhookSecret.ifPresent(secret -> requireSecretFormat("previous_webhook_secret", secret));
        if (previousWebhookSecret.isPresent() && webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("'previous_webhook_secret' needs a 'webhook_secret' that replaces it");
        }
        if (previousWebhookSecret.isPresent() && previousWebhookSecret.equals(webhookSecret)) {
            throw new IllegalArgumentException("'previous_webhook_secret' must differ from 'webhook_secret'");
        }
    }

    /**
     * A company whose callbacks are signed with one secret, or that has none.
     *
     * @param id            the company's id
     * @param name          a display name
     * @param webhookSecret the Standard Webhooks signing secret ({@code whsec_…}), when it has one
     */
    public Company(CompanyId id, String name, Optional<String> webhookSecret) {
        this(id, name, webhookSecret, Optional.empty());
    }

    private static void requireSecretFormat(String field, String secret) {
        if (!secret.startsWith("whsec_") || secret.length() < "whsec_".length() + 16) {
            throw new IllegalArgumentException("'" + field + "' must start with 'whsec_' followed by base64 key material");
        }
    }

    /** Never prints a webhook secret. */
    @Override
    public String toString() {
        return "Company[id=" + id + ", name=" + name + ", webhookSecret=" + webhookSecret.map(s -> "***").orElse("none")
                + ", previousWebhookSecret=" + previousWebhookSecret.map(s -> "***").orElse("none") + "]";
    }
}
