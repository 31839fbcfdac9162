package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.sql.JdbcCatalogStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The limits that keep one consumer or tenant from taking the service down, over real HTTP against
 * real PostgreSQL: per-key rate limits, namespace scope, the company concurrency cap, each
 * company's share of the job queue and an exhausted query pool.
 */
class OperatingLimitsEndToEndTest {
    private static final String FULL = "e2e-acme-full-token";
    private static final String OTHER = "e2e-other-full-token";
    private static final String LIMITED = "e2e-acme-rate-limited-token";
    private static final String SCOPED = "e2e-acme-shared-only-token";
    private static final String ONE = "{\"parameter_values\": {}}";

    private static TestServer server;

    @BeforeAll
    static void keys() {
        server = TestServer.get();
        JdbcCatalogStore store = new JdbcCatalogStore(server.database());
        store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(
                key("acme-rate-limited", LIMITED, Set.of(), Optional.of(new RateLimit(60, 2))),
                key("acme-shared-only", SCOPED, Set.of("shared"), Optional.empty()))));
        awaitAuthenticates(server.client, SCOPED);
    }

    private static ApiKey key(String id, String token, Set<String> namespaces, Optional<RateLimit> rateLimit) {
        return new ApiKey(id, new CompanyId("acme"), TestServer.sha256(token), Optional.empty(),
                EnumSet.of(Permission.EXECUTE, Permission.GET_JOB), ShareContext.none(), namespaces, rateLimit,
                Optional.empty(), false, Optional.empty());
    }

    @Test
    @DisplayName("a key past its rate limit gets 429 RATE_LIMITED with Retry-After, and RateLimit headers on every answer")
    void rate_limit() throws InterruptedException {
        awaitAuthenticates(server.client, LIMITED);
        // The bucket refills one request a second: wait until it is full again after the probe.
        Thread.sleep(2_100);

        ApiClient.Response first = server.client.execute("shared", "by-region", LIMITED, ONE);
        ApiClient.Response second = server.client.execute("shared", "no-such-endpoint", LIMITED, ONE);
        ApiClient.Response third = server.client.execute("shared", "by-region", LIMITED, ONE);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).isEqualTo("\"api-key\";q=2;w=2");
        assertThat(first.header("RateLimit")).matches("\"api-key\";r=1;t=[12]");
        assertThat(second.status()).as("every answer counts and carries the headers").isEqualTo(404);
        assertThat(second.header("RateLimit")).startsWith("\"api-key\";r=0;");
        assertThat(third.status()).as(third.body()).isEqualTo(429);
        assertThat(third.header("Content-Type")).startsWith("application/problem+json");
        assertThat(third.json().get("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(third.header("Retry-After")).isEqualTo("1");
        assertThat(third.header("RateLimit-Policy")).isEqualTo("\"api-key\";q=2;w=2");

        // What is under test: waiting as long as Retry-After says is enough.
        Thread.sleep(1_000 * Long.parseLong(third.header("Retry-After")) + 50);
        ApiClient.Response afterWaiting = server.client.execute("shared", "by-region", LIMITED, ONE);
        assertThat(afterWaiting.status()).as("after Retry-After the key may send again").isEqualTo(200);
    }

    @Test
    @DisplayName("keys without a limit of their own get no RateLimit headers when the service has no default")
    void no_limit_no_headers() {
        ApiClient.Response response = server.client.execute("shared", "by-region", FULL, ONE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("RateLimit")).isNull();
        assertThat(response.header("RateLimit-Policy")).isNull();
    }

    @Test
    @DisplayName("a key limited to a namespace gets 404 ENDPOINT_NOT_FOUND outside it, like a missing endpoint")
    void namespace_scope() {
        ApiClient.Response inside = server.client.execute("shared", "by-region", SCOPED, ONE);
        ApiClient.Response outside = server.client.execute("numbers", "series", SCOPED, "{\"parameter_values\": {\"count\": 1}}");
        ApiClient.Response missing = server.client.execute("numbers", "no-such-endpoint", FULL, ONE);
        ApiClient.Response jobOutside = server.client.job("jobs", "numbers", "0000000000000000000000000", SCOPED);

        assertThat(inside.status()).as(inside.body()).isEqualTo(200);
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.json().get("code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
        assertThat(outside.json().get("detail").asText())
                .isEqualTo(missing.json().get("detail").asText().replace("no-such-endpoint", "series"));
        assertThat(jobOutside.status()).isEqualTo(404);
        assertThat(jobOutside.json().get("code").asText()).isEqualTo("ENDPOINT_NOT_FOUND");
    }

    @Test
    @DisplayName("a company at its concurrency cap gets 429 while another company is served")
    void company_cap() throws Exception {
        try (Application capped = server.startAnother(Map.of("DATA_API_COMPANY_MAX_CONCURRENCY", "1"))) {
            ApiClient client = new ApiClient("http://localhost:" + capped.port());
            CompletableFuture<ApiClient.Response> slow = CompletableFuture.supplyAsync(() ->
                    client.execute("slow", "sleep", FULL, "{\"parameter_values\": {\"seconds\": 0.8}}"));
            awaitRunning("e2e-slow-query");

            ApiClient.Response sameCompany = client.execute("shared", "by-region", FULL, ONE);
            ApiClient.Response otherCompany = client.execute("secret", "data", OTHER, ONE);

            assertThat(sameCompany.status()).as(sameCompany.body()).isEqualTo(429);
            assertThat(sameCompany.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(sameCompany.header("Retry-After")).isEqualTo("1");
            assertThat(otherCompany.status()).as(otherCompany.body()).isEqualTo(200);
            assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(client.execute("shared", "by-region", FULL, ONE).status()).as("the slot is free again")
                    .isEqualTo(200);
        }
    }

    @Test
    @DisplayName("a company holding its share of the job queue gets 429 while another company still queues jobs")
    void company_queue_share() throws Exception {
        // A job store of its own and no workers: the jobs stay queued, and no other test's jobs count.
        try (TestMongo ownQueue = TestMongo.start();
             Application held = server.startAnother(Map.of("DATA_API_MONGO_URI", ownQueue.uri(), "DATA_API_WORKERS", "0",
                     "DATA_API_MAX_QUEUED_JOBS", "3", "DATA_API_COMPANY_MAX_QUEUED_JOBS", "2"))) {
            ApiClient client = new ApiClient("http://localhost:" + held.port());
            assertThat(client.execute("jobs", "numbers", FULL, ONE).status()).isEqualTo(202);
            assertThat(client.execute("jobs", "numbers", FULL, ONE).status()).isEqualTo(202);

            ApiClient.Response sameCompany = client.execute("jobs", "numbers", FULL, ONE);
            ApiClient.Response otherCompany = client.execute("secret", "report", OTHER, ONE);
            ApiClient.Response queueFull = client.execute("secret", "report", OTHER, ONE);

            assertThat(sameCompany.status()).as(sameCompany.body()).isEqualTo(429);
            assertThat(sameCompany.json().get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(sameCompany.json().get("detail").asText()).contains("2 jobs waiting in the queue");
            assertThat(sameCompany.header("Retry-After")).isEqualTo("30");
            assertThat(otherCompany.status()).as(otherCompany.body()).isEqualTo(202);
            assertThat(queueFull.status()).as("the whole queue is full now").isEqualTo(429);
            assertThat(queueFull.json().get("detail").asText()).contains("The job queue is full (3 jobs waiting)");
            assertThat(ownQueue.count("jobs")).isEqualTo(3);
        }
    }

    @Test
    @DisplayName("an exhausted query pool answers 503 SERVICE_UNAVAILABLE with Retry-After, and serves again afterwards")
    void pool_exhaustion() throws Exception {
        try (Application tiny = server.startAnother(Map.of("DATA_API_QUERY_POOL_SIZE", "1",
                "DATA_API_QUERY_POOL_WAIT", "250ms", "DATA_API_COMPANY_MAX_CONCURRENCY", "10", "DATA_API_WORKERS", "0"))) {
            ApiClient client = new ApiClient("http://localhost:" + tiny.port());
            CompletableFuture<ApiClient.Response> slow = CompletableFuture.supplyAsync(() ->
                    client.execute("slow", "sleep", FULL, "{\"parameter_values\": {\"seconds\": 0.9}}"));
            awaitRunning("e2e-slow-query");

            Instant asked = Instant.now();
            ApiClient.Response refused = client.execute("shared", "by-region", FULL, ONE);
            Duration waited = Duration.between(asked, Instant.now());

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 5L);
            assertThat(waited).as("bounded by the pool wait, not by the slow query").isLessThan(Duration.ofMillis(850));
            assertThat(slow.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(client.execute("shared", "by-region", FULL, ONE).status()).as("recovered").isEqualTo(200);
        }
    }

    private static void awaitAuthenticates(ApiClient client, String token) {
        assertThat(Polls.until(() -> client.execute("shared", "by-region", token, ONE).status(), status -> status != 401,
                Duration.ofSeconds(10), Duration.ofMillis(100))).as("the key is served within 10 s").isNotEqualTo(401);
    }

    private static void awaitRunning(String marker) throws SQLException {
        try (Connection connection = server.database().getConnection()) {
            Polls.awaitQueryRunning(connection, marker, Duration.ofSeconds(10));
        }
    }
}
