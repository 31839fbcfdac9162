package dev.dataapi.jobs;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.UUID;

/**
 * A MongoDB database for one test class, reached through the real driver over the wire: on the
 * MongoDB that {@value #URI_VARIABLE} points at when it is set (a database of its own, dropped on
 * close), otherwise on a mongo-java-server bound to a random loopback port.
 */
final class TestMongo implements AutoCloseable {
    static final String URI_VARIABLE = "DATA_API_TEST_MONGO_URI";

    private final MongoServer server;
    private final MongoClient client;
    private final MongoDatabase database;

    private TestMongo(MongoServer server, String uri) {
        this.server = server;
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase("data_api_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
    }

    /** The configured real MongoDB, or an in-memory server. */
    static TestMongo start() {
        String uri = System.getenv(URI_VARIABLE);
        if (uri != null && !uri.isBlank()) {
            return new TestMongo(null, uri);
        }
        return serving(new MemoryBackend());
    }

    /** Always mongo-java-server, persisting to {@code file} with its H2 backend (what the app embeds). */
    static TestMongo onH2(Path file) {
        return serving(new H2Backend(file.toString()));
    }

    /** The same database name again, on a server restarted over the same H2 file. */
    TestMongo restartedOnH2(Path file) {
        close(false);
        MongoServer restarted = startServer(new H2Backend(file.toString()));
        return new TestMongo(restarted, restarted.getConnectionString(), database.getName());
    }

    private TestMongo(MongoServer server, String uri, String databaseName) {
        this.server = server;
        this.client = MongoClients.create(uri);
        this.database = client.getDatabase(databaseName);
    }

    MongoDatabase database() {
        return database;
    }

    /** True when the tests run on mongo-java-server rather than a real MongoDB. */
    boolean isEmbedded() {
        return server != null;
    }

    /** Stops the in-memory or H2 server (a real MongoDB keeps running), so that every call fails. */
    void stopServer() {
        if (server != null) {
            server.shutdownNow();
        }
    }

    @Override
    public void close() {
        close(true);
    }

    private void close(boolean drop) {
        try {
            if (drop && server == null) {
                database.drop();
            }
        } finally {
            client.close();
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static TestMongo serving(MongoBackend backend) {
        MongoServer server = startServer(backend);
        return new TestMongo(server, server.getConnectionString());
    }

    private static MongoServer startServer(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", 0));
        return server;
    }
}
