package dev.dataapi.core.memory;

import dev.dataapi.ports.Column;
import dev.dataapi.ports.out.JobClaim;
import dev.dataapi.ports.out.JobResultWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Buffers one claim's result rows until {@link InMemoryJobStore#complete} adopts them. Used by one
 * worker thread at a time, like the query executor that fills it.
 */
final class InMemoryResultWriter implements JobResultWriter {
    private final InMemoryJobStore owner;
    private final JobClaim claim;
    private List<Column> columns;
    private List<Object[]> rows = new ArrayList<>();

    InMemoryResultWriter(InMemoryJobStore owner, JobClaim claim) {
        this.owner = owner;
        this.claim = claim;
    }

    @Override
    public void columns(List<Column> values) {
        this.columns = List.copyOf(values);
    }

    @Override
    public void row(Object[] values) {
        rows.add(Rows.copy(values));
    }

    @Override
    public void close() {
        rows = new ArrayList<>();
    }

    InMemoryJobStore owner() {
        return owner;
    }

    JobClaim claim() {
        return claim;
    }

    List<Column> columnsOr(List<Column> fallback) {
        return columns != null ? columns : fallback;
    }

    /** Hands the rows over; the writer keeps nothing afterwards. */
    List<Object[]> takeRows() {
        List<Object[]> taken = List.copyOf(rows);
        rows = new ArrayList<>();
        return taken;
    }
}
