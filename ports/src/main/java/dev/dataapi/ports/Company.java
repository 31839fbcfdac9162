package dev.dataapi.ports;

import java.util.Objects;
import java.util.Optional;

/**
 * A tenant of the service.
 *
 * @param id            the company's id
 * @param name          a display name
 * @param webhookSecret the Standard Webhooks signing secret ({@code whsec_…}) used for this company's
 *                      callbacks, when it has one
 */
public record Company(CompanyId id, String name, Optional<String> webhookSecret) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param id            the company's id
     * @param name          a display name
     * @param webhookSecret the Standard Webhooks signing secret ({@code whsec_…}) used for this company's callbacks, when it has one
     */
    public Company {
        Objects.requireNonNull(id, "'id' is required");
        Names.requireText("name", name);
        webhookSecret = Objects.requireNonNullElse(webhookSecret, Optional.empty());
        webhookSecret.ifPresent(secret -> {
            if (!secret.startsWith("whsec_") || secret.length() < "whsec_".length() + 16) {
                throw new IllegalArgumentException("'webhook_secret' must start with 'whsec_' followed by base64 key material");
            }
        });
    }

    /** Never prints the webhook secret. */
    @Override
    public String toString() {
        return "Company[id=" + id + ", name=" + name + ", webhookSecret=" + webhookSecret.map(s -> "***").orElse("none") + "]";
    }
}
