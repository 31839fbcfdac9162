package dev.dataapi.examples.embedded;

import com.sun.net.httpserver.HttpServer;
import dev.dataapi.core.ApiToken;
import dev.dataapi.core.DataApi;
import dev.dataapi.core.memory.InMemoryCatalogStore;
import dev.dataapi.core.memory.InMemoryJobStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole embedding: a {@link DataApi} built over an in-memory catalog, an in-memory job store and
 * the example's own query executor, served by the JDK's HTTP server. Closing stops the HTTP server
 * first (requests in flight get a second to finish), then the core.
 */
final class EmbeddedServer implements AutoCloseable {
    private static final int HTTP_THREADS = 8;

    private final DataApi api;
    private final HttpServer http;
    private final ExecutorService threads;

    private EmbeddedServer(DataApi api, HttpServer http, ExecutorService threads) {
        this.api = api;
        this.http = http;
        this.threads = threads;
    }

    /** Starts the core and the HTTP server on {@code address} (port 0 picks a free port); {@code token} is the key's. */
    static EmbeddedServer start(InetSocketAddress address, ApiToken token) throws IOException {
        DataApi api = DataApi.builder()
                .catalog(new InMemoryCatalogStore(ExampleCatalog.with(token)))
                .queries(new FixedSalesQueryExecutor())
                .jobs(new InMemoryJobStore())
                .build();
        api.start();
        ExecutorService threads = Executors.newFixedThreadPool(HTTP_THREADS);
        try {
            HttpServer http = HttpServer.create(address, 0);
            http.createContext(ExecuteHandler.PREFIX, new ExecuteHandler(api.execute()));
            http.setExecutor(threads);
            http.start();
            return new EmbeddedServer(api, http, threads);
        } catch (IOException | RuntimeException e) {
            threads.shutdownNow();
            api.close();
            throw e;
        }
    }

    /** The port the server listens on. */
    int port() {
        return http.getAddress().getPort();
    }

    @Override
    public void close() {
        http.stop(1);
        threads.shutdown();
        api.close();
    }
}
