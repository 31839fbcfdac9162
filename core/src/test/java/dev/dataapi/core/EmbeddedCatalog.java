package dev.dataapi.core;

import static dev.dataapi.ports.fixtures.Fixtures.aCompany;
import static dev.dataapi.ports.fixtures.Fixtures.aKey;
import static dev.dataapi.ports.fixtures.Fixtures.anEndpoint;

import dev.dataapi.core.memory.InMemoryCatalogStore;
import dev.dataapi.ports.Column;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ResultSink;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.fixtures.ApiKeyBuilder;
import dev.dataapi.ports.in.ExecuteCommand;
import dev.dataapi.ports.in.ExecuteInput;
import dev.dataapi.ports.in.GetJobCommand;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.QueryExecutor;
import dev.dataapi.ports.out.QueryOutcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an embedder brings to a {@link DataApi} in these tests: a catalog of company acme with a sync
 * endpoint {@code sales/by-region} and an async one {@code sales/monthly} (both filter on a
 * {@code region} parameter), the default key allowed to execute and read jobs, and a query executor
 * of its own over three fixed rows.
 */
final class EmbeddedCatalog {
    static final String TOKEN = ApiKeyBuilder.DEFAULT_TOKEN;
    static final String KEY_ID = "acme-partner";
    private static final List<Object[]> SALES = List.of(
            new Object[] {"Sul", 120L}, new Object[] {"Norte", 80L}, new Object[] {"Sul", 40L});

    private EmbeddedCatalog() {
    }

    /** A new store holding the catalog; it also records key usage. */
    static InMemoryCatalogStore store() {
        ParameterSpec region = ParameterSpec.builder("region", ParameterType.scalar(ScalarType.STRING)).required(true).build();
        return new InMemoryCatalogStore(new CatalogSnapshot(
                List.of(aCompany().build()),
                List.of(anEndpoint().withSql("SELECT region, total FROM sales WHERE region = :region")
                                .withParameter(region).build(),
                        anEndpoint().withSlug("monthly").async()
                                .withSql("SELECT region, total FROM sales WHERE region = :region")
                                .withParameter(region).build()),
                List.of(aKey().withId(KEY_ID).withPermissions(Permission.EXECUTE, Permission.GET_JOB).build())));
    }

    /** The rows of the fixed dataset whose region is the bound {@code region}. */
    static QueryExecutor salesByRegion() {
        return (request, sink) -> {
            Object region = request.parameters().get(0).value();
            sink.columns(List.of(new Column("region", "varchar"), new Column("total", "int8")));
            int count = 0;
            for (Object[] row : SALES) {
                if (row[0].equals(region)) {
                    sink.row(row.clone());
                    count++;
                }
            }
            return new QueryOutcome.Completed(count, false);
        };
    }

    /** Runs {@code sales/{slug}} with the default token for {@code region}. */
    static ExecuteCommand execute(String slug, String region) {
        return execute(slug, region, Optional.empty());
    }

    /** Runs {@code sales/{slug}} with the default token for {@code region}, asking for a callback. */
    static ExecuteCommand execute(String slug, String region, Optional<String> callbackUrl) {
        return new ExecuteCommand(Optional.of(TOKEN), "sales", slug,
                new ExecuteInput.Parsed(Map.of("region", region), callbackUrl), "req-embedded");
    }

    /** Reads a job of {@code sales/monthly} with the default token. */
    static GetJobCommand getJob(String jobId) {
        return new GetJobCommand(Optional.of(TOKEN), "sales", "monthly", jobId, "req-embedded-poll");
    }

    /** A sink an async execution must not write to. */
    static ResultSink unused() {
        return new ResultSink() {
            @Override
            public void columns(List<Column> columns) {
                throw new AssertionError("an async execution writes nothing to the request's sink");
            }

            @Override
            public void row(Object[] values) {
                throw new AssertionError("an async execution writes nothing to the request's sink");
            }
        };
    }
}
