package dev.dataapi.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * How a bearer token becomes the value an API key is stored and looked up by: the SHA-256 of its
 * UTF-8 bytes in lower-case hex. Tokens themselves are never stored, compared or logged; hashes
 * are compared in constant time by {@link dev.dataapi.ports.ApiKey#authenticates}.
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
}
