package dev.dataapi.core;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA256 (RFC 2104) over {@link MessageDigest}. Core may use only {@code java..} (an
 * architecture rule in {@code app}), and {@code javax.crypto.Mac} lives outside it; the tests
 * hold this against RFC 4231's vectors and against {@code javax.crypto.Mac} for many key sizes.
 */
final class WebhookHmac {
    private static final int BLOCK_BYTES = 64;
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5c;

    private WebhookHmac() {
    }

    static byte[] sha256(byte[] key, byte[] message) {
        MessageDigest sha256 = sha256();
        byte[] block = new byte[BLOCK_BYTES];
        byte[] shortKey = key.length > BLOCK_BYTES ? sha256.digest(key) : key;
        System.arraycopy(shortKey, 0, block, 0, shortKey.length);
        byte[] inner = new byte[BLOCK_BYTES];
        byte[] outer = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_BYTES; i++) {
            inner[i] = (byte) (block[i] ^ INNER_PAD);
            outer[i] = (byte) (block[i] ^ OUTER_PAD);
        }
        sha256.update(inner);
        byte[] innerHash = sha256.digest(message);
        sha256.update(outer);
        return sha256.digest(innerHash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException("SHA-256 is unavailable on this Java runtime", e);
        }
    }
}
