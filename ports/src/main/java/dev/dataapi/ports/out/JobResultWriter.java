package dev.dataapi.ports.out;

import dev.dataapi.ports.ResultSink;

/**
 * Stores a running job's result rows as a query produces them, without holding them all in memory
 * (a store writes them in chunks). The rows only become the job's result when
 * {@link JobStore#complete} succeeds with this writer; otherwise they are discarded.
 */
public interface JobResultWriter extends ResultSink, AutoCloseable {

    /** Discards whatever was stored if the job was not completed with this writer. Never throws. */
    @Override
    void close();
}
