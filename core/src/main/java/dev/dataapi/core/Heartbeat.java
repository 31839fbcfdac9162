package dev.dataapi.core;

import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobStore;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Renews a running job's lease on a shared scheduler while its query runs, so a long job is not
 * taken for a crashed one. Once a renewal is refused the claim is gone (another worker holds the
 * job, or it was released) and renewing stops.
 */
final class Heartbeat implements Runnable {
    private static final Logger LOG = System.getLogger(Heartbeat.class.getName());

    private final JobStore jobs;
    private final JobClaim claim;
    private final Duration lease;
    private final Clock clock;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile ScheduledFuture<?> schedule;

    private Heartbeat(JobStore jobs, JobClaim claim, Duration lease, Clock clock) {
        this.jobs = jobs;
        this.claim = claim;
        this.lease = lease;
        this.clock = clock;
    }

    /** Starts renewing {@code claim} every {@code interval}, the first time one interval from now. */
    static Heartbeat start(ScheduledExecutorService scheduler, JobStore jobs, JobClaim claim, Duration lease,
                           Duration interval, Clock clock) {
        Heartbeat heartbeat = new Heartbeat(jobs, claim, lease, clock);
        long nanos = Math.max(1, interval.toNanos());
        heartbeat.schedule = scheduler.scheduleAtFixedRate(heartbeat, nanos, nanos, TimeUnit.NANOSECONDS);
        return heartbeat;
    }

    @Override
    public void run() {
        if (lost.get()) {
            return;
        }
        try {
            if (!jobs.renew(claim, clock.instant(), lease)) {
                lost.set(true);
                LOG.log(Level.INFO, "job " + claim.jobId() + ": the lease of attempt " + claim.attempt()
                        + " could not be renewed; another worker holds the job or it was released");
                stop();
            }
        } catch (RuntimeException e) {
            // The store may be back before the lease lapses: keep beating.
            LOG.log(Level.WARNING, "job " + claim.jobId() + ": renewing the lease failed; trying again at the next beat",
                    LogText.fault(e));
        }
    }

    /** Whether a renewal was refused: the claim is gone, so nothing this worker still writes counts. */
    boolean lost() {
        return lost.get();
    }

    /** Stops renewing. */
    void stop() {
        ScheduledFuture<?> current = schedule;
        if (current != null) {
            current.cancel(false);
        }
    }
}
