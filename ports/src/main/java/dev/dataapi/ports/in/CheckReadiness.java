package dev.dataapi.ports.in;

/** Whether this instance can serve requests now (its catalog is reachable). */
public interface CheckReadiness {

    /** True when the instance is ready. Fast, and safe to call often. */
    boolean isReady();
}
