package dev.dataapi.app;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.sql.JdbcCatalogStore;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.data.TemporalUnitOffset;
import org.assertj.core.data.TemporalUnitWithinOffset;

/**
 * The catalog of the shared test server, as the command-line tests use it: commands run with the
 * server's own environment, and what they change is checked in the database and at the HTTP API
 * (the server reloads the catalog every 500 ms).
 */
final class SharedCatalog {
    /** How soon every server must see a key change. */
    static final Duration SERVER_SEES_IT = Duration.ofSeconds(5);

    private SharedCatalog() {
    }

    static Map<String, String> env() {
        return TestServer.get().environment();
    }

    /** {@code name} and random characters: tests share one database, so every id is their own. */
    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs {@code keys create} with {@code options}. */
    static Cli.Run createKey(String... options) {
        List<String> args = new ArrayList<>(List.of("keys", "create"));
        args.addAll(List.of(options));
        return Cli.run(env(), args.toArray(String[]::new));
    }

    static CatalogSnapshot stored() {
        return new JdbcCatalogStore(TestServer.get().database()).load();
    }

    static ApiKey storedKey(String id) {
        return stored().apiKeys().stream().filter(key -> key.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no key " + id));
    }

    /**
     * Executes a tiny endpoint of acme with {@code token} until the status is {@code expected} or 5 s
     * have passed, a tenth of a second apart (well inside any rate limit); returns the last status.
     */
    static int awaitStatus(String token, int expected) {
        return Polls.statusUntil(() -> execute(token), expected, SERVER_SEES_IT, Duration.ofMillis(100));
    }

    /** The status of one execution of acme's {@code numbers/series} with {@code token}. */
    static int execute(String token) {
        return TestServer.get().client.execute("numbers", "series", token, "{\"parameter_values\": {\"count\": 1}}").status();
    }

    /** For instants computed from the clock: within {@code duration} of the expected one. */
    static TemporalUnitOffset within(Duration duration) {
        return new TemporalUnitWithinOffset(duration.toSeconds(), ChronoUnit.SECONDS);
    }
}
