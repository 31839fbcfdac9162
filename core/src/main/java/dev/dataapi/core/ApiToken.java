package dev.dataapi.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.zip.CRC32;

/**
 * A newly generated bearer token: {@code dak_}, 43 base62 characters carrying 256 random bits, then
 * 6 base62 characters of the CRC32 of those 43. The fixed prefix and the checksum let secret
 * scanners recognise a leaked token without false positives, and let a client spot a mistyped one
 * offline; neither is required to authenticate (keys imported by hash may have any token).
 *
 * <p>The token exists only in memory until it is shown once; {@link #toString()} never prints it.
 *
 * @param token  the bearer token
 * @param sha256 what the catalog stores (see {@link TokenHash})
 * @param prefix what the catalog shows: {@code dak_} and the first 8 random characters
 */
public record ApiToken(String token, String sha256, String prefix) {
    /** Every generated token starts with this. */
    public static final String PREFIX = "dak_";

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_BYTES = 32;
    private static final int RANDOM_CHARS = 43;   // 62^43 > 2^256
    private static final int CHECKSUM_CHARS = 6;  // 62^6 > 2^32
    private static final int DISPLAYED_RANDOM_CHARS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param token  the bearer token
     * @param sha256 what the catalog stores (see {@link TokenHash})
     * @param prefix what the catalog shows: {@code dak_} and the first 8 random characters
     */
    public ApiToken {
        Objects.requireNonNull(token, "'token' is required");
        Objects.requireNonNull(sha256, "'sha256' is required");
        Objects.requireNonNull(prefix, "'prefix' is required");
    }

    /**
     * A new token from the platform's strong random source.
     *
     * @return the token, its hash and its display prefix
     */
    public static ApiToken generate() {
        return generate(RANDOM);
    }

    /**
     * A new token from {@code random}.
     *
     * @param random the source of the 256 random bits
     * @return the token, its hash and its display prefix
     */
    public static ApiToken generate(SecureRandom random) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String body = base62(new BigInteger(1, bytes), RANDOM_CHARS);
        String token = PREFIX + body + checksum(body);
        return new ApiToken(token, TokenHash.of(token), PREFIX + body.substring(0, DISPLAYED_RANDOM_CHARS));
    }

    /**
     * True when {@code candidate} has the generated format and its checksum is right.
     *
     * @param candidate a token; may be null
     * @return whether it looks like a generated token (not whether any key has it)
     */
    public static boolean isWellFormed(String candidate) {
        if (candidate == null || candidate.length() != PREFIX.length() + RANDOM_CHARS + CHECKSUM_CHARS
                || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < candidate.length(); i++) {
            if (BASE62.indexOf(candidate.charAt(i)) < 0) {
                return false;
            }
        }
        String body = candidate.substring(PREFIX.length(), PREFIX.length() + RANDOM_CHARS);
        return candidate.endsWith(checksum(body));
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "ApiToken[prefix=" + prefix + "]";
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_CHARS);
    }

    private static String base62(BigInteger value, int width) {
        BigInteger base = BigInteger.valueOf(BASE62.length());
        char[] digits = new char[width];
        BigInteger rest = value;
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] quotientAndRemainder = rest.divideAndRemainder(base);
            digits[i] = BASE62.charAt(quotientAndRemainder[1].intValue());
            rest = quotientAndRemainder[0];
        }
        if (rest.signum() != 0) {
            throw new IllegalStateException("value does not fit " + width + " base62 digits");
        }
        return new String(digits);
    }
}
