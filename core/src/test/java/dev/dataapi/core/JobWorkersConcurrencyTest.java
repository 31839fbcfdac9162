package dev.dataapi.core;

import static dev.dataapi.core.WorkerHarness.settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Job;
import dev.dataapi.ports.JobState;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Job workers and the company concurrency cap")
class JobWorkersConcurrencyTest {
    private final WorkerHarness harness = new WorkerHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    @DisplayName("give the company's slot back when a job goes back to the queue, not after the back-off")
    void noPermitDuringBackOff() throws InterruptedException {
        CompanyConcurrency concurrency = new CompanyConcurrency(1);
        Job job = harness.queueFor("acme");

        harness.start(settings().withPollInterval(Duration.ofSeconds(10)),
                (request, sink) -> new QueryOutcome.Unavailable(Duration.ofSeconds(10)), concurrency);
        harness.jobs.awaitAccepted("release", job.id());

        Instant deadline = Instant.now().plusSeconds(2);
        while (concurrency.inFlight(new CompanyId("acme")) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(10); // the worker thread closes the permit just after the release: nothing to wait on
        }
        assertThat(concurrency.inFlight(new CompanyId("acme"))).as("while the worker waits 10 s").isZero();
    }

    @Test
    @DisplayName("pass over the jobs of a company at its cap, run the others', and resume it when a slot frees")
    void fairness() {
        CompanyConcurrency concurrency = new CompanyConcurrency(1);
        Job acmeFirst = harness.queueFor("acme");
        Job acmeSecond = harness.queueFor("acme");
        Job globex = harness.queueFor("globex");
        CountDownLatch acmeRunning = new CountDownLatch(1);
        CountDownLatch releaseAcme = new CountDownLatch(1);

        harness.start(settings().withWorkers(2), (request, sink) -> {
            if (request.requestId().equals(acmeFirst.query().requestId())) {
                acmeRunning.countDown();
                WorkerHarness.await(releaseAcme);
            }
            return new QueryOutcome.Completed(0, false);
        }, concurrency);
        WorkerHarness.await(acmeRunning);
        harness.jobs.awaitAccepted("complete", globex.id());

        assertThat(harness.find(acmeSecond.id()).state()).as("older than globex's, but its company is at its cap")
                .isEqualTo(JobState.QUEUED);
        assertThat(harness.find(acmeSecond.id()).attempts()).isZero();
        assertThat(concurrency.inFlight(new CompanyId("acme"))).isEqualTo(1);

        releaseAcme.countDown();
        harness.jobs.awaitAccepted("complete", acmeSecond.id());
        assertThat(harness.find(acmeFirst.id()).state()).isEqualTo(JobState.COMPLETED);
    }
}
