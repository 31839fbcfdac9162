package dev.dataapi.examples.embedded;

import dev.dataapi.core.ApiToken;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Runs the example: {@code java -jar embedded-jdk-http.jar [port]} (default 8081), on the loopback
 * interface only. A fresh API key is made at every start and its token printed once, with a
 * {@code curl} to try; the catalog and the jobs live in memory and are gone when the process ends.
 */
public final class Main {
    private static final int DEFAULT_PORT = 8081;

    private Main() {
    }

    /**
     * Starts the server and keeps running until the process is stopped.
     *
     * @param args an optional port number
     * @throws IOException when the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_PORT;
        ApiToken token = ApiToken.generate();
        EmbeddedServer server = EmbeddedServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), token);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "example-shutdown"));
        // The command line's own output: this is where a person reads the token.
        PrintStream out = System.out;
        out.println("Data API core embedded in the JDK HTTP server, on http://127.0.0.1:" + server.port());
        out.println("API key token (shown once): " + token.token());
        out.println("Try:");
        out.println("  curl -s -X POST http://127.0.0.1:" + server.port() + "/api/v1/data-api/sales/by-region/execute \\");
        out.println("    -H 'Authorization: Bearer " + token.token() + "' \\");
        out.println("    -d '{\"parameter_values\": {\"regions\": [\"Sul\", \"Sudeste\"], \"since\": \"2025-01-01\"}}'");
    }
}
