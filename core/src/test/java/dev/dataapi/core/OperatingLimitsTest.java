package dev.dataapi.core;

import static dev.dataapi.core.ServiceHarness.TOKEN;
import static dev.dataapi.core.ServiceHarness.rejection;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.Quota;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.in.RequestFacts;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Limits on what one consumer or tenant can take")
class OperatingLimitsTest {

    private static ServiceHarness limited(RequestLimits limits) {
        return new ServiceHarness(limits).add(anEndpoint().build(), anEndpoint().withSlug("report").async().build())
                .add(aKey().withPermissions(Permission.EXECUTE, Permission.GET_JOB).build());
    }

    private static RequestLimits keyRate(int perMinute, int burst, MutableClock clock) {
        return new RequestLimits(new KeyRateLimiter(Optional.of(new RateLimit(perMinute, burst)), clock),
                CompanyConcurrency.unlimited(), Long.MAX_VALUE);
    }

    @Test
    @DisplayName("a key past its rate limit gets RATE_LIMITED with the wait, and every answer carries its quota")
    void rateLimited() {
        MutableClock clock = new MutableClock(ServiceHarness.NOW);
        ServiceHarness harness = limited(keyRate(60, 2, clock));

        ExecuteOutcome first = harness.execute();
        GetJobOutcome second = harness.get(Optional.of(TOKEN), "sales", "by-region", "not-a-job-id");
        ExecuteOutcome third = harness.execute();

        assertThat(first).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(first.facts().quota()).contains(new Quota("api-key", 2, 2, 1, 1));
        assertThat(rejection(second).code()).as("a job read counts too").isEqualTo(RejectionCode.JOB_NOT_FOUND);
        assertThat(second.facts().quota()).map(Quota::remaining).contains(0);
        assertThat(rejection(third).code()).isEqualTo(RejectionCode.RATE_LIMITED);
        assertThat(rejection(third).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(third.facts().quota()).contains(new Quota("api-key", 2, 2, 0, 2));
        assertThat(harness.requests).as("the refused request ran nothing").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(harness.execute()).isInstanceOf(ExecuteOutcome.Executed.class);
    }

    @Test
    @DisplayName("a key limited to namespaces gets ENDPOINT_NOT_FOUND elsewhere, exactly like a missing endpoint")
    void namespaceScope() {
        ServiceHarness harness = new ServiceHarness()
                .add(anEndpoint().build(), anEndpoint().withNamespace("finance").withSlug("ledger").build())
                .add(aKey().withPermissions(Permission.EXECUTE, Permission.GET_JOB).reaching("finance").build());

        ExecuteOutcome outside = harness.execute();
        ExecuteOutcome missing = harness.execute(Optional.of(TOKEN), "sales", "no-such-endpoint",
                new ExecuteInput.Parsed(Map.of(), Optional.empty()));
        GetJobOutcome jobOutside = harness.get(Optional.of(TOKEN), "sales", "by-region", "any");
        ExecuteOutcome inside = harness.execute(Optional.of(TOKEN), "finance", "ledger",
                new ExecuteInput.Parsed(Map.of(), Optional.empty()));

        assertThat(rejection(outside).code()).isEqualTo(RejectionCode.ENDPOINT_NOT_FOUND);
        assertThat(rejection(outside).detail()).isEqualTo(rejection(missing).detail().replace("no-such-endpoint", "by-region"));
        assertThat(rejection(jobOutside).code()).isEqualTo(RejectionCode.ENDPOINT_NOT_FOUND);
        assertThat(inside).isInstanceOf(ExecuteOutcome.Executed.class);
    }

    @Test
    @DisplayName("a company at its concurrency cap gets RATE_LIMITED while another company runs unaffected")
    void companyCap() throws Exception {
        RequestLimits limits = new RequestLimits(KeyRateLimiter.onlyKeysWithOwnLimits(new MutableClock(ServiceHarness.NOW)),
                new CompanyConcurrency(1), Long.MAX_VALUE);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        ServiceHarness harness = limited(limits).addCompany("globex")
                .add(anEndpoint().withCompany("globex").build())
                .add(aKey().withId("globex-key").withCompany("globex").withToken("globex-token").build())
                .answering((request, sink) -> {
                    if (request.requestId().equals(ServiceHarness.REQUEST_ID) && running.getCount() > 0) {
                        running.countDown();
                        await(finish);
                    }
                    return new QueryOutcome.Completed(0, false);
                });

        CompletableFuture<ExecuteOutcome> slow = CompletableFuture.supplyAsync(harness::execute);
        await(running);
        ExecuteOutcome sameCompany = harness.execute();
        ExecuteOutcome otherCompany = harness.execute(Optional.of("globex-token"), "sales", "by-region",
                new ExecuteInput.Parsed(Map.of(), Optional.empty()));
        finish.countDown();

        assertThat(rejection(sameCompany).code()).isEqualTo(RejectionCode.RATE_LIMITED);
        assertThat(rejection(sameCompany).retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(otherCompany).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(slow.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecuteOutcome.Executed.class);
        assertThat(limits.companies().inFlight(new CompanyId("acme"))).as("permits are given back").isZero();
        assertThat(harness.execute()).isInstanceOf(ExecuteOutcome.Executed.class);
    }

    @Test
    @DisplayName("a full job queue refuses new async executions with RATE_LIMITED instead of growing")
    void queueCap() {
        RequestLimits limits = new RequestLimits(KeyRateLimiter.onlyKeysWithOwnLimits(new MutableClock(ServiceHarness.NOW)),
                CompanyConcurrency.unlimited(), 2);
        ServiceHarness harness = limited(limits);
        ExecuteInput input = new ExecuteInput.Parsed(Map.of(), Optional.empty());

        ExecuteOutcome first = harness.execute(Optional.of(TOKEN), "sales", "report", input);
        ExecuteOutcome second = harness.execute(Optional.of(TOKEN), "sales", "report", input);
        ExecuteOutcome third = harness.execute(Optional.of(TOKEN), "sales", "report", input);

        assertThat(first).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(second).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(rejection(third).code()).isEqualTo(RejectionCode.RATE_LIMITED);
        assertThat(rejection(third).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(harness.jobs.countQueued(harness.clock.instant())).isEqualTo(2);

        harness.takeQueuedJobs();
        assertThat(harness.execute(Optional.of(TOKEN), "sales", "report", input)).isInstanceOf(ExecuteOutcome.Accepted.class);
    }

    @Test
    @DisplayName("a company with its share of the queue gets RATE_LIMITED while another company still queues jobs")
    void companyQueueShare() {
        RequestLimits limits = new RequestLimits(KeyRateLimiter.onlyKeysWithOwnLimits(new MutableClock(ServiceHarness.NOW)),
                CompanyConcurrency.unlimited(), 10, 2);
        ServiceHarness harness = limited(limits).addCompany("globex")
                .add(anEndpoint().withCompany("globex").withSlug("report").async().build())
                .add(aKey().withId("globex-key").withCompany("globex").withToken("globex-token").build());
        ExecuteInput input = new ExecuteInput.Parsed(Map.of(), Optional.empty());

        assertThat(harness.execute(Optional.of(TOKEN), "sales", "report", input)).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(harness.execute(Optional.of(TOKEN), "sales", "report", input)).isInstanceOf(ExecuteOutcome.Accepted.class);
        ExecuteOutcome third = harness.execute(Optional.of(TOKEN), "sales", "report", input);
        ExecuteOutcome otherCompany = harness.execute(Optional.of("globex-token"), "sales", "report", input);

        assertThat(rejection(third).code()).isEqualTo(RejectionCode.RATE_LIMITED);
        assertThat(rejection(third).detail()).contains("This company already has 2 jobs waiting in the queue");
        assertThat(rejection(third).retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(otherCompany).isInstanceOf(ExecuteOutcome.Accepted.class);
        assertThat(harness.jobs.countQueued(new CompanyId("acme"), harness.clock.instant())).isEqualTo(2);

        harness.takeQueuedJobs();
        assertThat(harness.execute(Optional.of(TOKEN), "sales", "report", input)).isInstanceOf(ExecuteOutcome.Accepted.class);
    }

    @Test
    @DisplayName("outcomes name the key, company and endpoint, and a hash equal for equal effective parameters")
    void facts() {
        ServiceHarness harness = limited(RequestLimits.none(new MutableClock(ServiceHarness.NOW)));

        ExecuteOutcome unauthenticated = harness.execute(Optional.of("wrong"), "sales", "by-region",
                new ExecuteInput.Parsed(Map.of(), Optional.empty()));
        ExecuteOutcome once = harness.execute();
        ExecuteOutcome again = harness.execute();

        assertThat(unauthenticated.facts()).isEqualTo(RequestFacts.none());
        assertThat(once.facts().keyId()).contains("acme-partner");
        assertThat(once.facts().company()).contains(new CompanyId("acme"));
        assertThat(once.facts().endpoint()).contains(new EndpointRef("sales", "by-region"));
        assertThat(once.facts().parametersHash()).get().asString().matches("^[0-9a-f]{64}$");
        assertThat(again.facts().parametersHash()).isEqualTo(once.facts().parametersHash());
        assertThat(once.facts().quota()).as("no limit, no quota").isEmpty();
    }

    @Test
    @DisplayName("each authenticated request records when its key was last used, written in one batch")
    void keyUsage() {
        ServiceHarness harness = limited(RequestLimits.none(new MutableClock(ServiceHarness.NOW)));
        harness.execute();
        harness.clock.advance(Duration.ofSeconds(5));
        harness.execute();
        assertThat(harness.store().lastUsed()).as("nothing written before the flush").isEmpty();

        harness.usage.flush();

        assertThat(harness.store().lastUsed()).containsExactly(Map.entry("acme-partner", ServiceHarness.NOW.plusSeconds(5)));
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).as("within 10 s").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
