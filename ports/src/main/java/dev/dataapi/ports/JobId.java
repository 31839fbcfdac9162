package dev.dataapi.ports;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Identifies an async job: 24 lower-case hex characters, laid out like a MongoDB ObjectId (a 4-byte
 * creation time in seconds, 5 random bytes, a 3-byte counter), so ids sort roughly by creation and
 * a MongoDB store can use them as its {@code _id}.
 *
 * @param value 24 lower-case hex characters
 */
public record JobId(String value) {
    private static final Pattern HEX24 = Pattern.compile("^[0-9a-f]{24}$");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] PROCESS_UNIQUE = randomBytes(5);
    private static final AtomicInteger COUNTER = new AtomicInteger(RANDOM.nextInt());

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param value 24 lower-case hex characters
     */
    public JobId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("'job_id' must be 24 lower-case hex characters, got " + Names.quote(value));
        }
    }

    /**
     * True when {@code value} is a well-formed job id.
     *
     * @param value a candidate, e.g. from a URL path; may be null
     * @return whether it is 24 lower-case hex characters
     */
    public static boolean isValid(String value) {
        return value != null && HEX24.matcher(value).matches();
    }

    /**
     * A new, unique id whose leading bytes encode {@code now}. Thread-safe.
     *
     * @param now the job's creation time
     * @return a new id
     */
    public static JobId generate(Instant now) {
        byte[] bytes = new byte[12];
        int seconds = (int) now.getEpochSecond();
        bytes[0] = (byte) (seconds >>> 24);
        bytes[1] = (byte) (seconds >>> 16);
        bytes[2] = (byte) (seconds >>> 8);
        bytes[3] = (byte) seconds;
        System.arraycopy(PROCESS_UNIQUE, 0, bytes, 4, 5);
        int count = COUNTER.getAndIncrement();
        bytes[9] = (byte) (count >>> 16);
        bytes[10] = (byte) (count >>> 8);
        bytes[11] = (byte) count;
        return new JobId(HexFormat.of().formatHex(bytes));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return value;
    }
}
