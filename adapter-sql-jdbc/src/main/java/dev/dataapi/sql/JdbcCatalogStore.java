package dev.dataapi.sql;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.RetiringToken;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The catalog in PostgreSQL, schema {@value CatalogMigrations#SCHEMA} (run
 * {@link CatalogMigrations#migrate} first). {@link #load()} reads all three tables in one
 * REPEATABLE READ transaction, so a snapshot never mixes states of a concurrent write;
 * {@link #apply} writes a whole snapshot, and prunes, in one transaction, so it lands all or nothing.
 * Instants are kept to the microsecond, finer digits dropped.
 * Needs a writable data source. Thread-safe.
 */
public final class JdbcCatalogStore implements CatalogStore {
    private static final System.Logger LOG = System.getLogger(JdbcCatalogStore.class.getName());

    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final SkippedRowWarnings skippedRowWarnings = new SkippedRowWarnings();

    /** A store on {@code dataSource}; the caller owns and closes the pool. */
    public JdbcCatalogStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "'dataSource' is required");
    }

    /**
     * Everything stored except rows the domain refuses (written by hand, bypassing {@link #apply}):
     * each is left out with a WARNING naming it and why, and a refused company leaves out its
     * endpoints and keys too. The rest loads, so one bad row never holds back other changes.
     *
     * @throws CatalogStoreException when the database cannot be read
     */
    @Override
    public CatalogSnapshot load() {
        List<SkippedRow> skipped = new ArrayList<>();
        CatalogSnapshot snapshot;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try {
                snapshot = CatalogReader.read(connection, skipped::add);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new CatalogStoreException("could not load the catalog: " + CatalogErrors.describe(e), e);
        }
        skippedRowWarnings.report(skipped);
        return snapshot;
    }

    /**
     * Writes {@code changes}, then deletes what they do not name of the {@code pruned} companies,
     * in one transaction. A deleted row the domain refuses (written by hand) is deleted too but
     * cannot be returned as a record: a WARNING names it instead.
     *
     * @throws CatalogStoreException when the database refuses an entry (say, one of a company that
     *                               is neither stored nor in {@code changes}); nothing is then stored
     *                               nor deleted
     */
    @Override
    public CatalogSnapshot apply(CatalogSnapshot changes, Set<CompanyId> pruned) {
        Objects.requireNonNull(changes, "'changes' is required");
        Objects.requireNonNull(pruned, "'pruned' is required");
        List<SkippedRow> unreadable = new ArrayList<>();
        CatalogSnapshot deleted;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // Pruning first frees what the file dropped: a token hash or endpoint address it gives to a new entry.
                deleted = CatalogPruner.prune(connection, changes, pruned, unreadable::add);
                write(connection, changes);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new CatalogStoreException("could not apply the catalog: " + CatalogErrors.describe(e), e);
        }
        for (SkippedRow row : unreadable) {
            LOG.log(Level.WARNING, "catalog: pruned the stored {0}, which is not among the reported deletions"
                    + " because it was unusable: {1}", row.row(), row.reason());
        }
        return deleted;
    }

    @Override
    public boolean insertKey(ApiKey key) {
        Objects.requireNonNull(key, "'key' is required");
        return writeKey("api key " + key.id(), connection -> CatalogWriter.insert(connection, key));
    }

    @Override
    public boolean rotateToken(String keyId, String expectedTokenSha256, String newTokenSha256,
                               Optional<String> newPrefix, Optional<RetiringToken> previous) {
        Objects.requireNonNull(keyId, "'keyId' is required");
        Objects.requireNonNull(expectedTokenSha256, "'expectedTokenSha256' is required");
        Objects.requireNonNull(newTokenSha256, "'newTokenSha256' is required");
        return writeKey("api key " + keyId, connection -> CatalogWriter.rotate(connection, keyId, expectedTokenSha256,
                newTokenSha256, Objects.requireNonNullElse(newPrefix, Optional.empty()),
                Objects.requireNonNullElse(previous, Optional.empty())));
    }

    /** One key write in its own transaction; a missing company or a taken token is the caller's mistake. */
    private boolean writeKey(String entry, KeyWrite write) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return write.apply(connection);
        } catch (SQLException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException(entry + ": its company is not in the catalog", e);
            }
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalArgumentException(entry + ": its token is already another key's", e);
            }
            throw new CatalogStoreException("could not write " + entry + " (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** A write of one key on a connection. */
    private interface KeyWrite {
        boolean apply(Connection connection) throws SQLException;
    }

    private static void write(Connection connection, CatalogSnapshot changes) throws SQLException {
        for (Company company : changes.companies()) {
            try {
                CatalogWriter.upsert(connection, company);
            } catch (SQLException e) {
                throw refused("company " + company.id(), e);
            }
        }
        for (Endpoint endpoint : changes.endpoints()) {
            try {
                CatalogWriter.upsert(connection, endpoint);
            } catch (SQLException e) {
                throw refused("endpoint " + endpoint.company() + " " + endpoint.ref(), e);
            }
        }
        lockStoredKeys(connection, changes.apiKeys());
        for (ApiKey key : changes.apiKeys()) {
            try {
                CatalogWriter.upsert(connection, key);
            } catch (SQLException e) {
                throw refused("api key " + key.id(), e);
            }
        }
    }

    /**
     * Locks the stored rows of the keys about to be written, in id order, before any of them is
     * written. A key write also takes advisory locks on its token hashes (the trigger that keeps a
     * hash to one key), and an upsert takes those before the row lock while an update (a rotation)
     * takes them after: without the rows locked first, a revocation and a rotation of one key could
     * deadlock.
     */
    private static void lockStoredKeys(Connection connection, List<ApiKey> keys) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM data_api.api_keys WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            lock.setArray(1, connection.createArrayOf("text", keys.stream().map(ApiKey::id).toArray()));
            lock.executeQuery().close();
        }
    }

    private static CatalogStoreException refused(String entry, SQLException e) {
        return new CatalogStoreException("could not apply the catalog: the database refused " + entry + ": "
                + CatalogErrors.describe(e), e);
    }
}
