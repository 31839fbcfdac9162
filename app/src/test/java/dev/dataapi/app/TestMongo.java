package dev.dataapi.app;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.UUID;

/**
 * The MongoDB the tests share: a real one when {@code DATA_API_TEST_MONGO_URI} names it (each
 * start uses a fresh database, dropped at the end), else an in-JVM MongoDB wire-protocol server.
 */
final class TestMongo implements AutoCloseable {
    private final MongoServer server;
    private final String uri;
    private final String database;
    private final MongoClient client;

    private TestMongo(MongoServer server, String uri, String database) {
        this.server = server;
        this.uri = uri;
        this.database = database;
        this.client = MongoClients.create(uri);
    }

    static TestMongo start() {
        String database = "data_api_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String external = System.getenv("DATA_API_TEST_MONGO_URI");
        if (external != null && !external.isBlank()) {
            return new TestMongo(null, withDatabase(external.trim(), database), database);
        }
        MongoServer server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        return new TestMongo(server, "mongodb://127.0.0.1:" + address.getPort() + "/" + database, database);
    }

    /** The connection string, naming this test run's database. */
    String uri() {
        return uri;
    }

    long count(String collection) {
        return client.getDatabase(database).getCollection(collection).countDocuments();
    }

    @Override
    public void close() {
        if (server == null) {
            client.getDatabase(database).drop();
        }
        client.close();
        if (server != null) {
            server.shutdownNow();
        }
    }

    private static String withDatabase(String uri, String database) {
        int schemeEnd = uri.indexOf("://") + 3;
        int slash = uri.indexOf('/', schemeEnd);
        int query = uri.indexOf('?', schemeEnd);
        String hosts = slash >= 0 ? uri.substring(0, slash) : query >= 0 ? uri.substring(0, query) : uri;
        String options = query >= 0 ? uri.substring(query) : "";
        return hosts + "/" + database + options;
    }
}
