package dev.dataapi.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a bearer token becomes the value an API key is stored and looked up by: the SHA-256 of its
 * UTF-8 bytes in lower-case hex. Tokens themselves are never stored, compared or logged.
 */
public final class TokenHash {

    private TokenHash() {
    }

    /**
     * The lower-case hex SHA-256 of {@code token}.
     *
     * @param token a bearer token
     * @return what the catalog stores and looks keys up by
     */
    public static String of(String token) {
        Objects.requireNonNull(token, "'token' is required");
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }

    /**
     * Compares two hashes in time independent of where they differ.
     *
     * @param left  a hash; may be null
     * @param right a hash; may be null
     * @return whether both are present and equal
     */
    public static boolean matches(String left, String right) {
        if (left == null || right == null) {
            return false;
        }
        return MessageDigest.isEqual(left.getBytes(StandardCharsets.US_ASCII), right.getBytes(StandardCharsets.US_ASCII));
    }
}
