package dev.dataapi.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it: a separate JVM started from the same classpath, which a test
 * can kill with SIGKILL and start again on the same data directory.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    final ApiClient api;

    private ServerProcess(Process process, ApiClient api) {
        this.process = process;
        this.api = api;
    }

    /** Starts the server with only the given {@code DATA_API_*} variables and JVM options, and waits until it is ready. */
    static ServerProcess start(Path dataDir, int port, Map<String, String> environment, List<String> jvmOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("DATA_API_"));
        builder.environment().put("DATA_API_DATA_DIR", dataDir.toString());
        builder.environment().put("DATA_API_PORT", Integer.toString(port));
        builder.environment().put("DATA_API_HOST", "127.0.0.1");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile()));
        ServerProcess server = new ServerProcess(builder.start(), new ApiClient("http://127.0.0.1:" + port));
        server.awaitReady();
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or handed back. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an orchestrator stops an instance; waits for the graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue());
            }
            try {
                if (api.send(HttpRequest.newBuilder(URI.create(api.base() + "/health/ready")).build()).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYetListening) {
                // connection refused while the server starts
            }
            Thread.sleep(100); // waiting for another process to start listening: nothing to synchronise on
        }
        throw new AssertionError("the server did not become ready");
    }
}
