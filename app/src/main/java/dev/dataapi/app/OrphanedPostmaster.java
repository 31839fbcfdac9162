package dev.dataapi.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a child process. If this JVM was killed without a chance to stop
 * it ({@code kill -9}, OOM killer), that postmaster keeps running and holds the data directory, and
 * the next start would fail. This finds such an orphan through its {@code postmaster.pid} and asks
 * it to shut down fast (SIGINT), so a restart on the same data directory just works.
 */
final class OrphanedPostmaster {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private OrphanedPostmaster() {
    }

    static void stopIfRunning(Path dataDirectory) {
        Optional<ProcessHandle> orphan = postmaster(dataDirectory);
        if (orphan.isEmpty()) {
            return;
        }
        long pid = orphan.get().pid();
        LOG.warn("A PostgreSQL from an earlier run (pid {}) still holds {}; stopping it", pid, dataDirectory.toAbsolutePath());
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
            kill.waitFor();
            orphan.get().onExit().get(STOP_WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new StartupException("The PostgreSQL left running by an earlier run (pid " + pid + ") did not stop;"
                    + " stop it and start again", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while stopping an earlier PostgreSQL", e);
        }
    }

    /** The live postmaster named by the directory's pid file, if it really is a postgres process. */
    private static Optional<ProcessHandle> postmaster(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
