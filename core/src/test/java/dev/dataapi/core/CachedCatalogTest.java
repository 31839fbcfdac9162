package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.core.memory.InMemoryCatalogStore;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CachedCatalogTest {

    private static final CompanyId ACME = new CompanyId("acme");
    private static final EndpointRef BY_REGION = new EndpointRef("sales", "by-region");
    private static final EndpointRef BY_MONTH = new EndpointRef("sales", "by-month");
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private final InMemoryCatalogStore store = new InMemoryCatalogStore(new CatalogSnapshot(
            List.of(aCompany().build()), List.of(anEndpoint().build()), List.of(aKey().build())));
    private final FlakyStore flaky = new FlakyStore(store);
    private final List<Logger> quieted = List.of(Logger.getLogger(CachedCatalog.class.getName()),
            Logger.getLogger(CatalogIndex.class.getName()));

    @BeforeEach
    void quietExpectedWarnings() {
        quieted.forEach(logger -> logger.setUseParentHandlers(false));
    }

    @AfterEach
    void restoreLog() {
        quieted.forEach(logger -> logger.setUseParentHandlers(true));
    }

    @Test
    void given_nothing_loaded_yet_when_looked_up_then_nothing_is_found_and_it_is_not_ready() {
        CachedCatalog catalog = new CachedCatalog(store, Duration.ofMinutes(1));

        assertThat(catalog.findEndpoint(ACME, BY_REGION)).isEmpty();
        assertThat(catalog.findByTokenSha256(aKey().build().tokenSha256())).isEmpty();
        assertThat(catalog.isReady()).isFalse();
    }

    @Test
    void given_a_loaded_catalog_when_looked_up_then_endpoints_are_found_by_company_and_keys_by_token_hash() {
        CachedCatalog catalog = new CachedCatalog(store, Duration.ofMinutes(1));

        catalog.refreshNow();

        assertThat(catalog.findEndpoint(ACME, BY_REGION)).contains(anEndpoint().build());
        assertThat(catalog.findEndpoint(new CompanyId("globex"), BY_REGION)).isEmpty();
        assertThat(catalog.findByTokenSha256(TokenHash.of(ServiceHarness.TOKEN))).contains(aKey().build());
        assertThat(catalog.findByTokenSha256(TokenHash.of("another-token"))).isEmpty();
        assertThat(catalog.isReady()).isTrue();
    }

    @Test
    void given_a_change_in_the_store_when_refreshed_then_the_change_is_served() {
        CachedCatalog catalog = new CachedCatalog(store, Duration.ofMinutes(1));
        catalog.refreshNow();
        ApiKey revoked = aKey().revoked().build();
        store.apply(new CatalogSnapshot(List.of(), List.of(anEndpoint().withSlug("by-month").build()), List.of(revoked)));

        boolean refreshed = catalog.refreshNow();

        assertThat(refreshed).isTrue();
        assertThat(catalog.findEndpoint(ACME, BY_MONTH)).isPresent();
        assertThat(catalog.findByTokenSha256(revoked.tokenSha256())).contains(revoked);
    }

    @Test
    void given_a_company_given_a_webhook_secret_when_refreshed_then_the_company_lookup_serves_the_secret() {
        CachedCatalog catalog = new CachedCatalog(store, Duration.ofMinutes(1));
        catalog.refreshNow();
        assertThat(catalog.findCompany(ACME)).hasValueSatisfying(company -> assertThat(company.webhookSecret()).isEmpty());
        store.apply(new CatalogSnapshot(List.of(aCompany().withWebhookSecret(SECRET).build()), List.of(), List.of()));

        catalog.refreshNow();

        assertThat(catalog.findCompany(ACME)).hasValueSatisfying(company ->
                assertThat(company.webhookSecret()).contains(SECRET));
        assertThat(catalog.findCompany(new CompanyId("globex"))).isEmpty();
    }

    @Test
    void given_a_failing_store_when_refreshed_then_the_previous_catalog_is_kept_and_it_reports_not_ready_until_it_recovers() {
        CachedCatalog catalog = new CachedCatalog(flaky, Duration.ofMinutes(1));
        catalog.refreshNow();
        flaky.failing.set(true);

        boolean refreshed = catalog.refreshNow();

        assertThat(refreshed).isFalse();
        assertThat(catalog.findEndpoint(ACME, BY_REGION)).isPresent();
        assertThat(catalog.isReady()).isFalse();

        flaky.failing.set(false);
        assertThat(catalog.refreshNow()).isTrue();
        assertThat(catalog.isReady()).isTrue();
    }

    @Test
    void given_a_started_catalog_when_the_store_changes_then_a_scheduled_reload_serves_the_change() throws Exception {
        try (CachedCatalog catalog = new CachedCatalog(flaky, Duration.ofMillis(10))) {
            catalog.start();
            assertThat(catalog.findEndpoint(ACME, BY_REGION)).as("loaded by start()").isPresent();
            store.apply(new CatalogSnapshot(List.of(), List.of(anEndpoint().withSlug("by-month").build()), List.of()));

            // Reloads run one after another on one thread: of three more loads, the second began
            // after the change was applied, and its snapshot was installed before the third began.
            flaky.awaitLoads(3);

            assertThat(catalog.findEndpoint(ACME, BY_MONTH)).isPresent();
        }
    }

    @Test
    void given_a_store_that_throws_an_error_during_a_scheduled_reload_then_reloading_goes_on_and_later_changes_are_served()
            throws Exception {
        try (LogCapture log = LogCapture.of(CachedCatalog.class);
             CachedCatalog catalog = new CachedCatalog(flaky, Duration.ofMillis(10))) {
            catalog.start();
            store.apply(new CatalogSnapshot(List.of(), List.of(), List.of(aKey().revoked().build())));

            flaky.failNextLoadWith(new NoClassDefFoundError("org/postgresql/core/Parser"));
            flaky.awaitFailure();
            // Loads run one after another, so both loads counted from here began after the failed
            // one, after the revocation; the first one's snapshot was installed before the second began.
            flaky.awaitLoads(2);

            assertThat(catalog.findByTokenSha256(TokenHash.of(ServiceHarness.TOKEN))).get()
                    .satisfies(key -> assertThat(key.revoked()).isTrue());
            assertThat(catalog.isReady()).isTrue();
            assertThat(log.messages(java.util.logging.Level.SEVERE)).singleElement().asString()
                    .contains("NoClassDefFoundError", "still serving the previous one", "org/postgresql/core/Parser");
        }
    }

    @Test
    void given_a_store_that_throws_an_error_when_refreshed_now_then_the_error_reaches_the_caller_and_it_is_not_ready() {
        CachedCatalog catalog = new CachedCatalog(flaky, Duration.ofMinutes(1));
        catalog.refreshNow();
        flaky.failNextLoadWith(new OutOfMemoryError("Java heap space"));

        assertThatThrownBy(catalog::refreshNow).isInstanceOf(OutOfMemoryError.class);
        assertThat(catalog.findEndpoint(ACME, BY_REGION)).as("previous catalog kept").isPresent();
        assertThat(catalog.isReady()).isFalse();
    }

    @Test
    void given_no_reload_succeeded_for_longer_than_the_staleness_limit_then_it_is_not_ready_until_one_succeeds() {
        MutableClock clock = new MutableClock(ServiceHarness.NOW);
        CachedCatalog catalog = new CachedCatalog(store, Duration.ofSeconds(5), Duration.ofSeconds(30), clock);
        catalog.refreshNow();

        clock.advance(Duration.ofSeconds(30));
        assertThat(catalog.isReady()).as("exactly at the limit").isTrue();

        clock.advance(Duration.ofMillis(1));
        assertThat(catalog.isReady()).as("past the limit").isFalse();
        assertThat(catalog.findEndpoint(ACME, BY_REGION)).as("still served").isPresent();

        assertThat(catalog.refreshNow()).isTrue();
        assertThat(catalog.isReady()).isTrue();
    }

    @Test
    void given_a_reload_that_hangs_then_the_age_counts_from_the_start_of_the_last_successful_load() {
        MutableClock clock = new MutableClock(ServiceHarness.NOW);
        CatalogStore slow = new CatalogStore() {
            @Override
            public CatalogSnapshot load() {
                // The database takes 20 s to answer: what it returns is as old as the question.
                clock.advance(Duration.ofSeconds(20));
                return store.load();
            }

            @Override
            public CatalogSnapshot apply(CatalogSnapshot changes, Set<CompanyId> pruned) {
                return store.apply(changes, pruned);
            }

            @Override
            public boolean insertKey(ApiKey key) {
                return store.insertKey(key);
            }

            @Override
            public boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256,
                                       Optional<String> newPrefix, Optional<RetiringToken> previous) {
                return store.rotateToken(keyId, expectedTokenSha256, newTokenSha256, newPrefix, previous);
            }
        };
        CachedCatalog catalog = new CachedCatalog(slow, Duration.ofSeconds(5), Duration.ofSeconds(30), clock);
        catalog.refreshNow();

        clock.advance(Duration.ofSeconds(11));

        assertThat(catalog.isReady()).isFalse();
    }

    @Test
    void given_only_a_refresh_interval_then_the_staleness_limit_is_five_intervals_and_at_least_ten_seconds() {
        assertThat(CachedCatalog.defaultStalenessLimit(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(25));
        assertThat(CachedCatalog.defaultStalenessLimit(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(10));
        assertThat(CachedCatalog.defaultStalenessLimit(Duration.ofMillis(10))).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void given_a_staleness_limit_not_longer_than_the_refresh_interval_then_construction_is_refused() {
        assertThatThrownBy(() -> new CachedCatalog(store, Duration.ofSeconds(5), Duration.ofSeconds(5),
                new MutableClock(ServiceHarness.NOW)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'stalenessLimit'");
    }

    @Test
    void given_a_store_that_fails_on_the_first_load_when_started_then_start_throws() {
        flaky.failing.set(true);
        CachedCatalog catalog = new CachedCatalog(flaky, Duration.ofMinutes(1));

        assertThatThrownBy(catalog::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("unreachable");
        assertThat(catalog.isReady()).isFalse();
    }

    @Test
    void given_two_keys_with_one_token_hash_when_looked_up_then_neither_authenticates() {
        ApiKey first = aKey().withId("first").withToken("shared").build();
        ApiKey second = aKey().withId("second").withToken("shared").build();
        // Our stores refuse such a catalog; a row a DBA wrote by hand is what this guards against.
        CatalogSnapshot handWritten = new CatalogSnapshot(List.of(aCompany().build()), List.<Endpoint>of(),
                List.of(first, second));
        CachedCatalog catalog = new CachedCatalog(new FixedStore(handWritten), Duration.ofMinutes(1));

        catalog.refreshNow();

        assertThat(catalog.findByTokenSha256(TokenHash.of("shared"))).isEmpty();
    }

    @Test
    void given_a_refresh_interval_that_is_not_positive_then_construction_is_refused() {
        assertThatThrownBy(() -> new CachedCatalog(store, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'refreshInterval'");
    }

    /** A store that always loads the same snapshot and takes no writes. */
    private static final class FixedStore implements CatalogStore {
        private final CatalogSnapshot snapshot;

        FixedStore(CatalogSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        @Override
        public CatalogSnapshot load() {
            return snapshot;
        }

        @Override
        public CatalogSnapshot apply(CatalogSnapshot changes, Set<CompanyId> pruned) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public boolean insertKey(ApiKey key) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256,
                                   Optional<String> newPrefix, Optional<RetiringToken> previous) {
            throw new UnsupportedOperationException("read only");
        }
    }

    /** A store that can be made to fail, and that counts its loads. */
    private static final class FlakyStore implements CatalogStore {
        private final CatalogStore delegate;
        final AtomicBoolean failing = new AtomicBoolean();
        private volatile CountDownLatch loads = new CountDownLatch(0);
        private final AtomicReference<Throwable> nextFailure = new AtomicReference<>();
        private final CountDownLatch failed = new CountDownLatch(1);

        FlakyStore(CatalogStore delegate) {
            this.delegate = delegate;
        }

        /** The next load throws {@code failure} (an {@link Error} or a {@link RuntimeException}); later ones work. */
        void failNextLoadWith(Throwable failure) {
            nextFailure.set(failure);
        }

        void awaitFailure() throws InterruptedException {
            assertThat(failed.await(10, TimeUnit.SECONDS)).as("the failing load within 10 s").isTrue();
        }

        void awaitLoads(int count) throws InterruptedException {
            CountDownLatch latch = new CountDownLatch(count);
            loads = latch;
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("%d reloads within 10 s", count).isTrue();
        }

        @Override
        public CatalogSnapshot load() {
            if (failing.get()) {
                throw new IllegalStateException("catalog database unreachable");
            }
            Throwable failure = nextFailure.getAndSet(null);
            if (failure != null) {
                failed.countDown();
            }
            if (failure instanceof Error) {
                throw (Error) failure;
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            CatalogSnapshot snapshot = delegate.load();
            loads.countDown();
            return snapshot;
        }

        @Override
        public CatalogSnapshot apply(CatalogSnapshot changes, Set<CompanyId> pruned) {
            return delegate.apply(changes, pruned);
        }

        @Override
        public boolean insertKey(ApiKey key) {
            return delegate.insertKey(key);
        }

        @Override
        public boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256,
                                   Optional<String> newPrefix, Optional<RetiringToken> previous) {
            return delegate.rotateToken(keyId, expectedTokenSha256, newTokenSha256, newPrefix, previous);
        }
    }
}
