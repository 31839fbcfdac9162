package dev.dataapi.core;

import static dev.dataapi.core.DataApiTest.accepted;
import static dev.dataapi.core.DataApiTest.rejection;
import static dev.dataapi.core.EmbeddedCatalog.execute;
import static dev.dataapi.core.EmbeddedCatalog.getJob;
import static dev.dataapi.core.EmbeddedCatalog.salesByRegion;
import static dev.dataapi.core.EmbeddedCatalog.store;
import static dev.dataapi.core.EmbeddedCatalog.unused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dataapi.ports.JobId;
import dev.dataapi.ports.fixtures.RecordingSink;
import dev.dataapi.ports.in.ExecuteOutcome;
import dev.dataapi.ports.in.GetJobOutcome;
import dev.dataapi.ports.in.RejectionCode;
import dev.dataapi.ports.out.QueryOutcome;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Building the core as a library checks every piece at once and keeps what it built apart")
class DataApiBuilderTest {

    @Test
    void given_an_empty_builder_when_built_then_the_catalog_and_the_query_executor_are_named_together() {
        assertThatThrownBy(() -> DataApi.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the DataApi cannot be built: the catalog must be given: catalog(CatalogStore), or"
                        + " catalog(EndpointCatalog, ApiKeyLookup, CompanyLookup) for lookups you serve yourself;"
                        + " the query executor (queries) must be given");
    }

    @Test
    void given_pieces_set_to_nothing_or_out_of_range_when_built_then_each_one_is_named() {
        DataApiBuilder builder = DataApi.builder()
                .catalog(store(), Duration.ZERO)
                .queries(null)
                .jobs(null)
                .webhooks(null, null, url -> Optional.empty())
                .keyUsage(store(), Duration.ofSeconds(-1))
                .limits(null)
                .jobSettings(null)
                .jobWorkers(-1)
                .clock(null)
                .jobIds(null);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the DataApi cannot be built: the catalog refresh interval must be at least 1 ms, got PT0S;"
                        + " the query executor (queries) must be given; the job store must be given;"
                        + " the webhook sender must be given; the webhook payload encoder must be given;"
                        + " the key usage flush interval must be at least 1 ms, got PT-1S; the request limits must be given;"
                        + " the job settings must be given; 'job workers' must be 0 or more, got -1;"
                        + " the clock must be given; the job id generator (jobIds) must be given");
    }

    @Test
    void given_no_delivery_settings_when_built_without_webhooks_then_it_builds_and_with_webhooks_they_are_named() {
        DataApiBuilder builder = DataApi.builder().catalog(store()).queries((request, sink) -> null).deliverySettings(null);

        builder.build().close();

        assertThatThrownBy(builder.webhooks(request -> null, (job, rows) -> new byte[0], url -> Optional.empty())::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the DataApi cannot be built: the delivery settings must be given");
    }

    @Test
    void given_embedder_lookups_with_one_missing_when_built_then_the_missing_lookup_is_named() {
        CachedCatalog own = new CachedCatalog(store(), Duration.ofMinutes(1));

        assertThatThrownBy(() -> DataApi.builder().catalog(own, null, own).queries(salesByRegion()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the DataApi cannot be built: the API key lookup must be given");
    }

    @Test
    void given_both_forms_of_catalog_when_built_then_the_builder_asks_for_one() {
        CachedCatalog own = new CachedCatalog(store(), Duration.ofMinutes(1));

        assertThatThrownBy(() -> DataApi.builder().catalog(store()).catalog(own, own, own).queries(salesByRegion()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("give the catalog once");
    }

    @Test
    void given_a_built_api_when_the_builder_is_changed_and_built_again_then_the_first_api_keeps_its_own_pieces() {
        DataApiBuilder builder = DataApi.builder().catalog(store()).queries(salesByRegion()).jobWorkers(0);
        try (LogCapture quiet = LogCapture.of(QueryRunner.class);
             DataApi first = builder.build()) {
            builder.queries((request, sink) -> new QueryOutcome.Failed("the second instance's database"));
            try (DataApi second = builder.build()) {
                first.start();
                second.start();
                RecordingSink rows = new RecordingSink();

                ExecuteOutcome fromFirst = first.execute().execute(execute("by-region", "Sul"), rows);
                ExecuteOutcome fromSecond = second.execute().execute(execute("by-region", "Sul"), new RecordingSink());
                JobId jobOfFirst = accepted(first.execute().execute(execute("monthly", "Sul"), unused()));

                assertThat(fromFirst).isInstanceOf(ExecuteOutcome.Executed.class);
                assertThat(rows.rows()).hasSize(2);
                assertThat(rejection(fromSecond).code()).isEqualTo(RejectionCode.EXECUTION_ERROR);
                // Each built instance has a job store of its own unless one is given.
                assertThat(first.getJob().get(getJob(jobOfFirst.value()))).isInstanceOf(GetJobOutcome.Found.class);
                assertThat(second.getJob().get(getJob(jobOfFirst.value()))).isInstanceOf(GetJobOutcome.Rejected.class);
            }
        }
    }
}
