package dev.dataapi.app;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.zaxxer.hikari.HikariDataSource;
import dev.dataapi.app.catalog.CatalogFile;
import dev.dataapi.app.catalog.CatalogFileResult;
import dev.dataapi.core.CompanyConcurrency;
import dev.dataapi.core.DataApi;
import dev.dataapi.core.DataApiBuilder;
import dev.dataapi.core.DeliverySettings;
import dev.dataapi.core.JobSettings;
import dev.dataapi.core.KeyRateLimiter;
import dev.dataapi.core.RequestLimits;
import dev.dataapi.core.RetrySchedule;
import dev.dataapi.http.DataApiHttpServer;
import dev.dataapi.http.HttpSettings;
import dev.dataapi.http.JsonWebhookPayloads;
import dev.dataapi.jobs.MongoJobStore;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import dev.dataapi.ports.out.JobStore;
import dev.dataapi.sql.CatalogMigrations;
import dev.dataapi.sql.JdbcCatalogStore;
import dev.dataapi.sql.JdbcKeyUsageStore;
import dev.dataapi.sql.JdbcQueryExecutor;
import dev.dataapi.sql.PostgresSettings;
import dev.dataapi.webhook.OkHttpWebhookSender;
import dev.dataapi.webhook.PublicAddressPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: creates every adapter once with plain {@code new}, wires them to the core
 * and closes them in reverse order. Nothing else in the code base knows all the modules.
 */
final class Application implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Application.class);
    private static final String DEFAULT_JOB_DATABASE = "data_api";

    private final Deque<AutoCloseable> resources;
    private final DataApiHttpServer http;
    private final boolean embedded;

    private Application(Deque<AutoCloseable> resources, DataApiHttpServer http, boolean embedded) {
        this.resources = resources;
        this.http = http;
        this.embedded = embedded;
    }

    /** Starts everything the configuration asks for; on failure, stops what was started and throws. */
    static Application start(Config config) {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            PostgresSettings catalogDatabase;
            PostgresSettings queryDatabase;
            if (config.embedded()) {
                EmbeddedDatabase database = EmbeddedDatabase.start(config.dataDir().resolve("postgres"));
                resources.push(database);
                database.installDemoData();
                catalogDatabase = database.superuser();
                queryDatabase = database.reader();
            } else {
                catalogDatabase = config.catalogDatabase().orElseThrow();
                queryDatabase = config.queryDatabase().orElse(catalogDatabase);
                if (config.queryDatabase().isEmpty()) {
                    LOG.warn("Endpoint SQL runs with the catalog's credentials, which can read schema data_api (key hashes,"
                            + " webhook secrets). Set DATA_API_QUERY_DATABASE_URL/_USER to a role that can only read the data.");
                }
            }

            HikariDataSource catalogPool = DataSources.catalogPool(catalogDatabase);
            resources.push(catalogPool);
            CatalogMigrations.migrate(catalogPool);
            CatalogStore store = new JdbcCatalogStore(catalogPool);
            if (config.embedded()) {
                apply(store, "the demo catalog",
                        CatalogFile.read(EmbeddedDatabase.resource("/demo/demo-catalog.yaml"), store.load()));
            }
            if (config.catalogFile().isPresent()) {
                Path file = config.catalogFile().get();
                apply(store, file.toString(), CatalogFile.read(file, store.load()));
            }

            HikariDataSource queryPool = DataSources.queryPool(queryDatabase, config.queryPoolSize(), config.queryPoolWait());
            resources.push(queryPool);
            JobStore jobs = jobStore(config, resources);
            Clock clock = Clock.systemUTC();
            PublicAddressPolicy addresses = new PublicAddressPolicy(config.webhookAllowPrivate());
            DataApiBuilder builder = DataApi.builder()
                    .catalog(store, config.catalogRefresh())
                    .keyUsage(new JdbcKeyUsageStore(catalogPool))
                    .queries(new JdbcQueryExecutor(queryPool))
                    .jobs(jobs)
                    .jobSettings(new JobSettings(Math.max(1, config.workers()), config.jobLease(),
                            JobSettings.defaults().maxAttempts(), config.jobRetention(),
                            JobSettings.defaults().pollInterval(), config.shutdownGrace()))
                    .jobWorkers(config.workers())
                    .limits(new RequestLimits(new KeyRateLimiter(config.defaultRateLimit(), clock),
                            new CompanyConcurrency(config.companyMaxConcurrency()), config.maxQueuedJobs(),
                            config.companyMaxQueuedJobs()))
                    .clock(clock);
            // Callbacks are accepted on every instance; only instances with senders deliver them.
            OkHttpWebhookSender sender = new OkHttpWebhookSender(addresses);
            resources.push(sender);
            builder.webhooks(sender, new JsonWebhookPayloads(config.maxResultBytes()), addresses)
                    .deliverySettings(deliverySettings(config))
                    .webhookSenders(config.webhookSenders());
            // Stopped right after the HTTP server: key usage flushed, workers and senders finished, catalog released.
            DataApi api = builder.build();
            resources.push(api);
            api.start();

            DataApiHttpServer http = new DataApiHttpServer(api.execute(), api.getJob(), api.readiness(),
                    new HttpSettings(config.host(), config.port(), config.maxBodyBytes(), config.shutdownGrace(),
                            config.maxResultBytes()));
            http.start();
            resources.push(http);
            LOG.info("Data API listening on {}:{} ({})", config.host(), http.port(),
                    config.embedded() ? "embedded PostgreSQL with demo data" : catalogDatabase);
            return new Application(resources, http, config.embedded());
        } catch (StartupException e) {
            closeAll(resources);
            throw e;
        } catch (RuntimeException e) {
            closeAll(resources);
            throw new StartupException("The server could not start: " + e.getMessage(), e);
        }
    }

    /**
     * The job store: the MongoDB of {@code DATA_API_MONGO_URI}, or the embedded one under the data
     * directory. Either way the same {@link MongoJobStore} talks to it through the real driver.
     */
    private static JobStore jobStore(Config config, Deque<AutoCloseable> resources) {
        String uri;
        if (config.mongoUri().isPresent()) {
            uri = config.mongoUri().get();
        } else {
            EmbeddedMongo embedded = EmbeddedMongo.start(config.dataDir().resolve("jobs").resolve("jobs.mv.db"));
            resources.push(embedded);
            uri = embedded.connectionString();
        }
        ConnectionString connection = new ConnectionString(uri);
        MongoClient client = MongoClients.create(jobStoreClientSettings(connection));
        resources.push(client);
        String database = connection.getDatabase() == null ? DEFAULT_JOB_DATABASE : connection.getDatabase();
        MongoJobStore store = new MongoJobStore(client.getDatabase(database));
        store.createIndexes();
        return store;
    }

    /**
     * Settings the connection string does not override: a write is acknowledged by a majority (a
     * 202'd job or a recorded delivery must survive a replica-set failover), and no call waits
     * forever on a stuck connection (a hung lease renewal would let every job run twice).
     */
    private static MongoClientSettings jobStoreClientSettings(ConnectionString connection) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .writeConcern(WriteConcern.MAJORITY)
                .readConcern(ReadConcern.MAJORITY)
                .applyToSocketSettings(socket -> socket.connectTimeout(10, TimeUnit.SECONDS).readTimeout(60, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS));
        return settings.applyConnectionString(connection).build();
    }

    private static DeliverySettings deliverySettings(Config config) {
        RetrySchedule retries;
        try {
            retries = RetrySchedule.parse(config.webhookRetrySchedule());
        } catch (IllegalArgumentException e) {
            throw new StartupException("DATA_API_WEBHOOK_RETRY_SCHEDULE: " + e.getMessage(), e);
        }
        return DeliverySettings.defaults().withRetries(retries)
                .withShutdownGrace(config.shutdownGrace());
    }

    /** The HTTP port actually bound (useful when the configuration asked for port 0). */
    int port() {
        return http.port();
    }

    /** What to print once the server is up: where it listens and, in the embedded default, how to try it. */
    String banner() {
        String base = "http://localhost:" + port();
        StringBuilder banner = new StringBuilder()
                .append(System.lineSeparator())
                .append("Data API is ready on ").append(base).append(System.lineSeparator());
        if (embedded) {
            banner.append("Embedded PostgreSQL with demo data and demo keys (for trying it out only).").append(System.lineSeparator())
                    .append("Try:").append(System.lineSeparator())
                    .append("  curl -s -X POST ").append(base).append("/api/v1/data-api/sales/by-region/execute \\")
                    .append(System.lineSeparator())
                    .append("    -H 'Authorization: Bearer ").append(DemoKeys.FULL_ACCESS).append("' \\")
                    .append(System.lineSeparator())
                    .append("    -H 'Content-Type: application/json' \\").append(System.lineSeparator())
                    .append("    -d '{\"parameter_values\": {\"since\": \"2025-01-01\", \"regions\": [\"Sul\", \"Sudeste\"]}}'")
                    .append(System.lineSeparator())
                    .append("A partner key pinned to region Sul: ").append(DemoKeys.SOUTH_PARTNER).append(System.lineSeparator());
        }
        return banner.toString();
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void apply(CatalogStore store, String source, CatalogFileResult result) {
        if (result instanceof CatalogFileResult.Invalid) {
            String problems = ((CatalogFileResult.Invalid) result).problems().stream()
                    .map(problem -> "  " + problem).collect(Collectors.joining(System.lineSeparator()));
            throw new StartupException("The catalog file " + source + " is invalid; nothing was applied:"
                    + System.lineSeparator() + problems);
        }
        CatalogSnapshot snapshot = ((CatalogFileResult.Valid) result).snapshot();
        store.apply(snapshot);
        LOG.info("Applied {}: {} companies, {} endpoints, {} API keys", source, snapshot.companies().size(),
                snapshot.endpoints().size(), snapshot.apiKeys().size());
    }


    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {} cleanly: {}", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
