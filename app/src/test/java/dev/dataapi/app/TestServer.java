package dev.dataapi.app;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * One running server for the whole test JVM, on a real embedded PostgreSQL, configured the way an
 * operator would: an external database URL, a read-only query role and a catalog file.
 */
final class TestServer {
    private static final Pattern SHA_MARKER = Pattern.compile("\\{\\{sha256:([^}]+)}}");
    private static TestServer instance;

    final EmbeddedPostgres postgres;
    final TestMongo mongo;
    final Application application;
    final ApiClient client;

    private final Map<String, String> environment;

    private TestServer(EmbeddedPostgres postgres, TestMongo mongo, Application application, Map<String, String> environment) {
        this.environment = environment;
        this.postgres = postgres;
        this.mongo = mongo;
        this.application = application;
        this.client = new ApiClient("http://localhost:" + application.port());
    }

    /** The shared server, started on first use. */
    static synchronized TestServer get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A superuser connection to the database the server uses, for checks behind the API's back. */
    DataSource database() {
        return postgres.getPostgresDatabase();
    }

    /**
     * Starts another instance on the same databases (what scaling out does), with some settings
     * changed. The caller closes it.
     */
    Application startAnother(Map<String, String> overrides) {
        Map<String, String> merged = new java.util.HashMap<>(environment);
        merged.putAll(overrides);
        return Application.start(Config.fromEnvironment(merged));
    }

    /** The settings this server runs with, as environment variables. */
    Map<String, String> environment() {
        return environment;
    }

    /** Jobs stored so far, whatever their state. */
    long storedJobCount() {
        return mongo.count("jobs");
    }

    private static TestServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            TestMongo mongo = TestMongo.start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(read("/e2e/schema.sql"));
            }
            Path catalog = Files.createTempFile("e2e-catalog", ".yaml");
            Files.writeString(catalog, withTokenHashes(read("/e2e/catalog.yaml")));
            Map<String, String> environment = Map.ofEntries(
                    Map.entry("DATA_API_DATA_DIR", Files.createTempDirectory("e2e-data").toString()),
                    Map.entry("DATA_API_MONGO_URI", mongo.uri()),
                    Map.entry("DATA_API_PORT", "0"),
                    Map.entry("DATA_API_HOST", "127.0.0.1"),
                    Map.entry("DATA_API_DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres")),
                    Map.entry("DATA_API_QUERY_DATABASE_URL", postgres.getJdbcUrl("e2e_reader", "postgres")),
                    Map.entry("DATA_API_QUERY_DATABASE_USER", "e2e_reader"),
                    Map.entry("DATA_API_CATALOG", catalog.toString()),
                    Map.entry("DATA_API_CATALOG_REFRESH", "500ms"),
                    // Keys without a limit of their own are not limited: the suites send many requests quickly.
                    Map.entry("DATA_API_RATE_LIMIT_PER_MINUTE", "0"),
                    // No webhook is ever sent from these tests: nothing may leave this machine.
                    Map.entry("DATA_API_WEBHOOK_SENDERS", "0"));
            Config config = Config.fromEnvironment(environment);
            Application application = Application.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                application.close();
                mongo.close();
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return new TestServer(postgres, mongo, application, environment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withTokenHashes(String yaml) {
        Matcher matcher = SHA_MARKER.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, sha256(matcher.group(1)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) throws IOException {
        try (var in = TestServer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
