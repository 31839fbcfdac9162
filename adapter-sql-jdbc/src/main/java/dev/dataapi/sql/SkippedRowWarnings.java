package dev.dataapi.sql;

import java.lang.System.Logger.Level;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Logs the rows a catalog load skipped: a WARNING the first time a row is skipped for a reason,
 * DEBUG on later loads while it stays broken. The catalog reloads every few seconds, and a warning
 * per reload would bury everything else in the log; once the row is fixed and breaks again, it
 * warns again. Thread-safe.
 */
final class SkippedRowWarnings {
    private static final System.Logger LOG = System.getLogger(JdbcCatalogStore.class.getName());

    private Set<SkippedRow> lastSkipped = Set.of();

    synchronized void report(List<SkippedRow> skipped) {
        Set<SkippedRow> current = new HashSet<>(skipped);
        for (SkippedRow row : skipped) {
            Level level = lastSkipped.contains(row) ? Level.DEBUG : Level.WARNING;
            LOG.log(level, "catalog: skipped the stored {0}, which stays unusable until it is fixed: {1}",
                    row.row(), row.reason());
        }
        lastSkipped = current;
    }
}
