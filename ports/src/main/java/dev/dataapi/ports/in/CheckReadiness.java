package dev.dataapi.ports.in;

/** Whether this instance can serve requests now (its catalog is reachable). */
public interface CheckReadiness {

    /**
     * True when the instance is ready. Fast, and safe to call often.
     *
     * @return whether requests should be sent to this instance now
     */
    boolean isReady();
}
