package dev.dataapi.core;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of the HMAC key. Parsing
 * refuses anything else with a message that names the problem and never repeats the secret, so the
 * message can be logged or shown to whoever configured it.
 */
public final class WebhookSecret {
    static final String PREFIX = "whsec_";

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Reads {@code secret}; throws {@link IllegalArgumentException} naming what is wrong with it.
     *
     * @param secret a {@code whsec_} secret
     * @return the secret's key material
     */
    public static WebhookSecret parse(String secret) {
        Objects.requireNonNull(secret, "'webhook_secret' is required");
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'webhook_secret' must start with '" + PREFIX + "'");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: drop it, it is part of the secret.
            throw new IllegalArgumentException("'webhook_secret' must be '" + PREFIX + "' followed by standard base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("'webhook_secret' has no key after '" + PREFIX + "'");
        }
        return new WebhookSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookSecret that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "WebhookSecret[***]";
    }
}
