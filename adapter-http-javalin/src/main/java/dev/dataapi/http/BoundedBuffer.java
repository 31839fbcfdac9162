package dev.dataapi.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A sync body as it is built, holding at most {@code maxBytes}. The first write that would pass the
 * limit lets go of everything held and every later write is dropped, so a result too large to answer
 * costs no more memory than the limit while its rows are still being consumed. The array never grows
 * past the limit either (plain doubling could allocate nearly twice it), and the bytes are read in
 * place rather than copied out.
 */
final class BoundedBuffer extends ByteArrayOutputStream {

    private static final int INITIAL_BYTES = 8 * 1024;

    private final int maxBytes;
    private boolean overflowed;

    BoundedBuffer(long maxBytes) {
        super((int) Math.min(INITIAL_BYTES, Math.max(1, maxBytes)));
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16L) {
            throw new IllegalArgumentException("'maxBytes' must be between 1 and " + (Integer.MAX_VALUE - 16L)
                    + ", got " + maxBytes);
        }
        this.maxBytes = (int) maxBytes;
    }

    @Override
    public void write(int b) {
        if (makeRoom(1)) {
            super.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (makeRoom(len)) {
            super.write(b, off, len);
        }
    }

    /** Whether the content passed the limit; once it has, nothing is held any more. */
    boolean overflowed() {
        return overflowed;
    }

    /** The bytes written, read in place: valid until the next write. */
    InputStream contents() {
        if (overflowed) {
            throw new IllegalStateException("the content passed the limit of " + maxBytes + " bytes and was dropped");
        }
        return new ByteArrayInputStream(buf, 0, count);
    }

    private boolean makeRoom(int len) {
        if (overflowed) {
            return false;
        }
        long needed = (long) count + len;
        if (needed > maxBytes) {
            overflowed = true;
            buf = new byte[0];
            count = 0;
            return false;
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(maxBytes, Math.max(needed, 2L * buf.length)));
        }
        return true;
    }
}
