package dev.dataapi.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A class of this module run as a separate JVM from the test classpath, with only the given
 * {@code DATA_API_*} variables: another process, for what one JVM cannot show (file locks between
 * processes). Its output goes to a file the test can watch.
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path output;

    private ChildJvm(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code mainClass} with {@code args}, its stdout and stderr appended to {@code output}. */
    static ChildJvm start(Class<?> mainClass, Map<String, String> environment, Path output, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATA_API_"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        try {
            return new ChildJvm(builder.start(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an {@link OwnerLockHolder} on {@code lockFile}, output to a new file in {@code logs}; returns once it holds the lock. */
    static ChildJvm holdingOwnerLock(Path lockFile, Path logs) throws InterruptedException {
        Path output;
        try {
            output = Files.createTempFile(logs, "owner-lock", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildJvm holder = start(OwnerLockHolder.class, Map.of(), output, lockFile.toString());
        holder.awaitOutput(OwnerLockHolder.HELD, Duration.ofSeconds(30));
        return holder;
    }

    /** Waits until the output contains {@code text}; fails when the process ends first or {@code bound} passes. */
    void awaitOutput(String text, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive()) {
                throw new AssertionError("the process ended (exit " + process.exitValue() + ") without printing '" + text
                        + "':" + System.lineSeparator() + output());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + text + "' within " + bound + ":" + System.lineSeparator() + output());
            }
            Thread.sleep(50); // watching another process's output: there is nothing to wait on
        }
    }

    /** Everything the process printed so far. */
    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a line to the process's input and closes it (an {@link OwnerLockHolder} then lets go), and waits for the exit. */
    void finishInput() throws InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            in.write('\n');
        } catch (IOException e) {
            // Already gone: nothing left to tell it.
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the process did not end when its input did");
        }
    }

    /** SIGTERM, as an operator stops a server; waits for the graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** For failure messages. */
    @Override
    public String toString() {
        return "pid " + process.pid() + ", output:" + System.lineSeparator() + output();
    }
}
