package dev.dataapi.app;

import dev.dataapi.ports.RateLimit;
import dev.dataapi.sql.PostgresSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, read once from the environment and validated before anything starts.
 *
 * @param host            interface to bind
 * @param port            HTTP port (0 = any free port)
 * @param dataDir         where the embedded default keeps its data
 * @param catalogDatabase the external catalog database, or empty for the embedded default
 * @param queryDatabase   where endpoints' SQL runs, when not the catalog database
 * @param queryPoolSize   connections in the query pool
 * @param queryPoolWait   how long a request waits for a query connection before 503
 * @param catalogFile     a catalog YAML applied at startup
 * @param catalogRefresh  how often the in-memory catalog reloads
 * @param maxBodyBytes    largest accepted request body
 * @param mongoUri        the external job store, or empty for the embedded one
 * @param workers         async jobs run at once by this instance
 * @param jobRetention    how long jobs can be read
 * @param jobLease        a running job's lease
 * @param shutdownGrace   how long in-flight work may take on shutdown
 * @param maxResultBytes  largest sync result body
 * @param webhookRetrySchedule   waits between delivery attempts, as configured (parsed by the core)
 * @param webhookAllowPrivate    whether callbacks may target private networks
 * @param webhookSenders         deliveries sent at once
 * @param defaultRateLimit       the rate limit of keys without their own; empty: not limited
 * @param companyMaxConcurrency  executions one company may have in flight on this instance
 * @param maxQueuedJobs          queued jobs (all companies) beyond which async executions are refused
 * @param companyMaxQueuedJobs   queued jobs of one company beyond which its async executions are refused
 */
record Config(String host, int port, Path dataDir, Optional<PostgresSettings> catalogDatabase,
              Optional<PostgresSettings> queryDatabase, int queryPoolSize, Duration queryPoolWait,
              Optional<Path> catalogFile, Duration catalogRefresh, long maxBodyBytes, Optional<String> mongoUri,
              int workers, Duration jobRetention, Duration jobLease, Duration shutdownGrace, long maxResultBytes,
              String webhookRetrySchedule, boolean webhookAllowPrivate, int webhookSenders,
              Optional<RateLimit> defaultRateLimit, int companyMaxConcurrency, long maxQueuedJobs,
              long companyMaxQueuedJobs) {

    private static final Duration MIN_QUERY_POOL_WAIT = Duration.ofMillis(250);

    /** Reads every {@link Setting} from {@code env}, applying defaults; throws naming the first bad variable. */
    static Config fromEnvironment(Map<String, String> env) {
        Reader read = new Reader(env);
        Optional<PostgresSettings> catalogDatabase = read.optional(Setting.DATABASE_URL)
                .map(url -> read.database(Setting.DATABASE_URL, url, Setting.DATABASE_USER, Setting.DATABASE_PASSWORD));
        Optional<PostgresSettings> queryDatabase = read.optional(Setting.QUERY_DATABASE_URL)
                .map(url -> read.database(Setting.QUERY_DATABASE_URL, url, Setting.QUERY_DATABASE_USER,
                        Setting.QUERY_DATABASE_PASSWORD));
        if (queryDatabase.isPresent() && catalogDatabase.isEmpty()) {
            throw new ConfigException(Setting.QUERY_DATABASE_URL.variable() + " needs " + Setting.DATABASE_URL.variable()
                    + " too: the embedded default runs both on its own PostgreSQL");
        }
        Duration queryPoolWait = read.duration(Setting.QUERY_POOL_WAIT);
        if (queryPoolWait.compareTo(MIN_QUERY_POOL_WAIT) < 0) {
            throw new ConfigException(Setting.QUERY_POOL_WAIT.variable() + " must be at least 250ms, got "
                    + queryPoolWait.toMillis() + "ms");
        }
        int queryPoolSize = read.integer(Setting.QUERY_POOL_SIZE, 1, 1_000);
        int perMinute = read.integer(Setting.RATE_LIMIT_PER_MINUTE, 0, 1_000_000);
        int burst = read.integer(Setting.RATE_LIMIT_BURST, 1, 1_000_000);
        Optional<RateLimit> defaultRateLimit = perMinute == 0 ? Optional.empty() : Optional.of(new RateLimit(perMinute, burst));
        int companyMaxConcurrency = read.optional(Setting.COMPANY_MAX_CONCURRENCY).isPresent()
                ? read.integer(Setting.COMPANY_MAX_CONCURRENCY, 1, 100_000)
                : Math.max(1, queryPoolSize * 3 / 4); // rounded down: with a small pool, no company takes it all
        int maxQueuedJobs = read.integer(Setting.MAX_QUEUED_JOBS, 1, 100_000_000);
        int companyMaxQueuedJobs = read.optional(Setting.COMPANY_MAX_QUEUED_JOBS).isPresent()
                ? read.integer(Setting.COMPANY_MAX_QUEUED_JOBS, 1, 100_000_000)
                : Math.max(1, maxQueuedJobs / 4);
        String host = read.optional(Setting.HOST).orElse(catalogDatabase.isEmpty() ? "127.0.0.1" : "0.0.0.0");
        return new Config(
                host,
                read.integer(Setting.PORT, 0, 65_535),
                Path.of(read.text(Setting.DATA_DIR)),
                catalogDatabase,
                queryDatabase,
                queryPoolSize,
                queryPoolWait,
                read.optional(Setting.CATALOG).map(Path::of),
                read.duration(Setting.CATALOG_REFRESH),
                read.integer(Setting.MAX_BODY_BYTES, 1_024, 64 * 1_024 * 1_024),
                read.optional(Setting.MONGO_URI).map(uri -> read.mongoUri(uri)),
                read.integer(Setting.WORKERS, 0, 256),
                read.duration(Setting.JOB_RETENTION),
                read.duration(Setting.JOB_LEASE),
                read.duration(Setting.SHUTDOWN_GRACE),
                read.integer(Setting.MAX_RESULT_BYTES, 1_048_576, 1_073_741_824),
                read.text(Setting.WEBHOOK_RETRY_SCHEDULE),
                read.bool(Setting.WEBHOOK_ALLOW_PRIVATE_NETWORKS),
                read.integer(Setting.WEBHOOK_SENDERS, 0, 64),
                defaultRateLimit,
                companyMaxConcurrency,
                maxQueuedJobs,
                companyMaxQueuedJobs);
    }

    /** True when no external database is configured and the embedded PostgreSQL with demo data runs. */
    boolean embedded() {
        return catalogDatabase.isEmpty();
    }

    private static final class Reader {
        private final Map<String, String> env;

        Reader(Map<String, String> env) {
            this.env = env;
        }

        String text(Setting setting) {
            String value = env.get(setting.variable());
            return value == null || value.isBlank() ? setting.defaultValue() : value.trim();
        }

        Optional<String> optional(Setting setting) {
            String value = text(setting);
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }

        int integer(Setting setting, int min, int max) {
            String value = text(setting);
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new ConfigException(setting.variable() + " must be between " + min + " and " + max + ", got " + parsed);
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new ConfigException(setting.variable() + " must be a whole number, got '" + value + "'", e);
            }
        }

        PostgresSettings database(Setting urlSetting, String url, Setting user, Setting password) {
            try {
                return PostgresSettings.of(url, text(user), text(password));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(urlSetting.variable() + " must be a PostgreSQL JDBC URL"
                        + " (jdbc:postgresql://host:5432/database)", e);
            }
        }

        boolean bool(Setting setting) {
            String value = text(setting);
            if (!value.equals("true") && !value.equals("false")) {
                throw new ConfigException(setting.variable() + " must be true or false, got '" + value + "'");
            }
            return Boolean.parseBoolean(value);
        }

        String mongoUri(String uri) {
            if (!uri.startsWith("mongodb://") && !uri.startsWith("mongodb+srv://")) {
                throw new ConfigException(Setting.MONGO_URI.variable()
                        + " must be a MongoDB connection string (mongodb://… or mongodb+srv://…)");
            }
            return uri;
        }

        Duration duration(Setting setting) {
            Duration value = Durations.parse(setting.variable(), text(setting));
            if (value.isZero()) {
                throw new ConfigException(setting.variable() + " must be longer than zero");
            }
            return value;
        }
    }
}
