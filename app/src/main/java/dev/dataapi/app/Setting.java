package dev.dataapi.app;

import java.util.List;

/**
 * One environment variable the server reads, with its default and meaning. The list is the single
 * source for both {@link Config} and the {@code --help} text, so the two cannot drift apart.
 */
enum Setting {
    PORT("DATA_API_PORT", "8080", "HTTP port to listen on."),
    HOST("DATA_API_HOST", "", "Interface to bind the HTTP server to. Default: 0.0.0.0 with an external database;"
            + " 127.0.0.1 in the embedded default, whose demo keys are public."),
    DATA_DIR("DATA_API_DATA_DIR", "./data", "Where the embedded defaults keep their data (PostgreSQL, job store)."),
    DATABASE_URL("DATA_API_DATABASE_URL", "", "JDBC URL of the PostgreSQL holding the catalog (schema data_api) and, unless the"
            + " query settings below say otherwise, the data endpoints query. Unset: start the embedded PostgreSQL with demo data."),
    DATABASE_USER("DATA_API_DATABASE_USER", "", "User for DATA_API_DATABASE_URL."),
    DATABASE_PASSWORD("DATA_API_DATABASE_PASSWORD", "", "Password for DATA_API_DATABASE_URL."),
    QUERY_DATABASE_URL("DATA_API_QUERY_DATABASE_URL", "", "JDBC URL endpoints' SQL runs against. Default: the catalog database"
            + " (embedded default: a read-only role on the demo schema)."),
    QUERY_DATABASE_USER("DATA_API_QUERY_DATABASE_USER", "", "User for the query database; give it read access to the data only."),
    QUERY_DATABASE_PASSWORD("DATA_API_QUERY_DATABASE_PASSWORD", "", "Password for the query database user."),
    QUERY_POOL_SIZE("DATA_API_QUERY_POOL_SIZE", "10", "Connections in the query pool (1 to 1000): at most this many queries run at once."),
    QUERY_POOL_WAIT("DATA_API_QUERY_POOL_WAIT", "2s", "How long a request waits for a query connection before answering 503 (at least 250ms)."),
    MONGO_URI("DATA_API_MONGO_URI", "", "MongoDB connection string for async jobs (shared by every instance; the database"
            + " named in the URI, default data_api). Unset: an embedded MongoDB-wire job store persisted under the data"
            + " directory."),
    WORKERS("DATA_API_WORKERS", "4", "Async jobs this instance runs at once."),
    JOB_RETENTION("DATA_API_JOB_RETENTION", "24h", "How long a job and its result can be read after submission."),
    JOB_LEASE("DATA_API_JOB_LEASE", "30s", "A running job's lease, renewed while it runs; a crashed instance's jobs are"
            + " picked up again after it lapses."),
    SHUTDOWN_GRACE("DATA_API_SHUTDOWN_GRACE", "30s", "On SIGTERM, how long running requests and jobs may take to"
            + " finish before unfinished jobs are handed back to the queue."),
    WEBHOOK_RETRY_SCHEDULE("DATA_API_WEBHOOK_RETRY_SCHEDULE", "5s,5m,30m,2h,5h,10h,10h", "Waits between webhook"
            + " delivery attempts after the first (each with +/-10% jitter); when they run out the delivery is marked failed."),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS("DATA_API_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "false", "Allow callback URLs on loopback,"
            + " private and CGNAT addresses (tests, on-premises receivers); link-local stays refused. Never on a public service."),
    WEBHOOK_SENDERS("DATA_API_WEBHOOK_SENDERS", "2", "Webhook deliveries this instance sends at once."),
    CATALOG("DATA_API_CATALOG", "", "A catalog YAML file applied at startup (in either mode). A file with any error stops the start."),
    CATALOG_REFRESH("DATA_API_CATALOG_REFRESH", "2s", "How often the in-memory catalog is reloaded, so changes by other"
            + " writers show up without a restart."),
    MAX_BODY_BYTES("DATA_API_MAX_BODY_BYTES", "1048576", "Largest accepted request body (1024 to 67108864); larger answers 413."),
    MAX_RESULT_BYTES("DATA_API_MAX_RESULT_BYTES", "67108864", "Largest sync result body (1048576 to 1073741824); it is"
            + " built in memory so the database connection is freed first. Larger answers 500 RESULT_TOO_LARGE."
            + " Also the largest webhook body (signed, so built whole): a larger one is not sent, and the delivery"
            + " fails at once."),
    RATE_LIMIT_PER_MINUTE("DATA_API_RATE_LIMIT_PER_MINUTE", "600", "Requests a minute an API key may send on average"
            + " (executions and job reads), unless the key has its own rate_limit; 0: keys without their own are not"
            + " limited. Counted per instance."),
    RATE_LIMIT_BURST("DATA_API_RATE_LIMIT_BURST", "100", "Requests an idle API key may send at once (the bucket size),"
            + " unless the key has its own rate_limit."),
    COMPANY_MAX_CONCURRENCY("DATA_API_COMPANY_MAX_CONCURRENCY", "", "Executions one company may have running at once on"
            + " this instance (sync requests plus running async jobs); more answer 429. Default: three quarters of"
            + " DATA_API_QUERY_POOL_SIZE, at least 1."),
    MAX_QUEUED_JOBS("DATA_API_MAX_QUEUED_JOBS", "10000", "Queued async jobs (all instances) beyond which new async"
            + " executions answer 429 instead of growing the queue."),
    COMPANY_MAX_QUEUED_JOBS("DATA_API_COMPANY_MAX_QUEUED_JOBS", "", "Queued async jobs (all instances) of one company"
            + " beyond which that company's new async executions answer 429, so one tenant cannot fill the queue for"
            + " the others. Default: a quarter of DATA_API_MAX_QUEUED_JOBS, at least 1."),
    LOG_LEVEL("DATA_API_LOG_LEVEL", "INFO", "Root log level (read by the logging configuration).");

    private static final int WRAP_WIDTH = 70;
    private static final String INDENT = "      ";

    private final String variable;
    private final String defaultValue;
    private final String description;

    Setting(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    String variable() {
        return variable;
    }

    String defaultValue() {
        return defaultValue;
    }

    String description() {
        return description;
    }

    /** The help text: one block per variable, wrapped to fit an 80-column terminal. */
    static String helpText() {
        StringBuilder text = new StringBuilder("Environment variables (default in brackets):").append(System.lineSeparator());
        for (Setting setting : List.of(values())) {
            text.append(String.format("  %-34s [%s]", setting.variable,
                    setting.defaultValue.isEmpty() ? "unset" : setting.defaultValue)).append(System.lineSeparator());
            wrap(setting.description, text);
        }
        return text.toString();
    }

    private static void wrap(String description, StringBuilder text) {
        StringBuilder line = new StringBuilder();
        for (String word : description.split(" ")) {
            if (line.length() + word.length() + 1 > WRAP_WIDTH) {
                text.append(INDENT).append(line.toString().trim()).append(System.lineSeparator());
                line.setLength(0);
            }
            line.append(' ').append(word);
        }
        text.append(INDENT).append(line.toString().trim()).append(System.lineSeparator());
    }
}
