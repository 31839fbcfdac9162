package dev.dataapi.app;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-configuration job store: a MongoDB wire-protocol server inside this JVM, persisted to an
 * H2 MVStore file under the data directory, so async jobs survive a restart. The job adapter talks
 * to it with the real MongoDB driver over loopback, exactly as it talks to a real MongoDB.
 */
final class EmbeddedMongo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMongo.class);
    /**
     * MVStore commits in the background at this interval; a crash loses at most this much of the
     * latest writes (the default is a whole second).
     */
    private static final int COMMIT_DELAY_MILLIS = 10;

    private final MongoServer server;
    private final String connectionString;

    private EmbeddedMongo(MongoServer server, String connectionString) {
        this.server = server;
        this.connectionString = connectionString;
    }

    /** Opens (or creates) {@code file} and serves it on a free loopback port. */
    static EmbeddedMongo start(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + file.toAbsolutePath().getParent(), e);
        }
        MVStore store = new MVStore.Builder().fileName(file.toAbsolutePath().toString()).open();
        store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
        MongoServer server = new MongoServer(new H2Backend(store));
        InetSocketAddress address = server.bind();
        String connectionString = "mongodb://127.0.0.1:" + address.getPort() + "/data_api";
        LOG.info("Embedded job store (MongoDB wire protocol) on port {} with data in {}", address.getPort(),
                file.toAbsolutePath());
        return new EmbeddedMongo(server, connectionString);
    }

    /** {@code mongodb://127.0.0.1:<port>/data_api} */
    String connectionString() {
        return connectionString;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
