package dev.dataapi.core;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 through the JDK's {@link Mac}: core stays JDK-only, and the JDK's crypto is the JDK. */
final class WebhookHmac {
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookHmac() {
    }

    static byte[] sha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide HmacSHA256.
            throw new IllegalStateException("HmacSHA256 is unavailable on this Java runtime", e);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("the webhook signing key is not usable for HmacSHA256", e);
        }
    }
}
