package dev.dataapi.sql;

import dev.dataapi.ports.out.KeyUsageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * When API keys were last used, kept in the catalog's {@code api_keys.last_used_at} (schema
 * {@value CatalogMigrations#SCHEMA}, migrated by {@link CatalogMigrations#migrate}). A batch is one
 * UPDATE, whatever its size, that only ever moves a key's last use forward, so instances flushing
 * out of order keep the latest; ids of keys that do not exist match no row. Instants are kept to the
 * microsecond, finer digits dropped. Needs a writable data source. Thread-safe.
 */
public final class JdbcKeyUsageStore implements KeyUsageStore {
    // The rows are locked first in id order, as a catalog apply locks them, so a flush and an apply
    // touching the same keys cannot deadlock. The WHERE leaves a row alone unless it moves forward (no
    // dead tuple for nothing); a concurrent flush of the same key re-checks it against the row it waited for.
    private static final String RECORD = "WITH used AS (SELECT * FROM unnest(?::text[], ?::timestamptz[]) AS u (id, at)),"
            + " locked AS (SELECT k.id FROM data_api.api_keys k JOIN used ON used.id = k.id ORDER BY k.id FOR UPDATE OF k)"
            + " UPDATE data_api.api_keys AS k SET last_used_at = GREATEST(k.last_used_at, used.at)"
            + " FROM used WHERE k.id = used.id AND k.id IN (SELECT id FROM locked)"
            + " AND (k.last_used_at IS NULL OR k.last_used_at < used.at)";
    private static final String LAST_USED = "SELECT id, last_used_at FROM data_api.api_keys WHERE last_used_at IS NOT NULL";

    private final DataSource dataSource;

    /** A store on {@code dataSource}; the caller owns and closes the pool. */
    public JdbcKeyUsageStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "'dataSource' is required");
    }

    /**
     * @throws CatalogStoreException when the database cannot be written; nothing of the batch is then recorded
     */
    @Override
    public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
        Objects.requireNonNull(lastUsedByKeyId, "'lastUsedByKeyId' is required");
        if (lastUsedByKeyId.isEmpty()) {
            return;
        }
        String[] ids = new String[lastUsedByKeyId.size()];
        String[] times = new String[ids.length];
        int i = 0;
        // In id order (a TreeMap also refuses a null id), so that two instances flushing overlapping
        // batches tend to lock rows in the same order.
        for (Map.Entry<String, Instant> use : new TreeMap<>(lastUsedByKeyId).entrySet()) {
            ids[i] = use.getKey();
            // ISO-8601 in UTC, which timestamptz parses exactly.
            times[i] = Timestamps.stored(Objects.requireNonNull(use.getValue(), "the last use of key " + ids[i] + " is required"))
                    .toString();
            i++;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setArray(1, connection.createArrayOf("text", ids));
            statement.setArray(2, connection.createArrayOf("text", times));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new CatalogStoreException("could not record when API keys were last used: " + CatalogErrors.describe(e), e);
        }
    }

    /**
     * @throws CatalogStoreException when the database cannot be read
     */
    @Override
    public Map<String, Instant> lastUsed() {
        Map<String, Instant> lastUsed = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(LAST_USED);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                lastUsed.put(rows.getString("id"), rows.getObject("last_used_at", OffsetDateTime.class).toInstant());
            }
        } catch (SQLException e) {
            throw new CatalogStoreException("could not read when API keys were last used: " + CatalogErrors.describe(e), e);
        }
        return lastUsed;
    }
}
