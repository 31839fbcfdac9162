package dev.dataapi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Limits an operator does not set follow the settings they derive from")
class ConfigLimitDefaultsTest {

    @ParameterizedTest(name = "a query pool of {0} lets one company run {1} at once")
    @CsvSource({"1, 1", "2, 1", "3, 2", "4, 3", "10, 7", "100, 75"})
    void company_concurrency_is_three_quarters_of_the_pool_rounded_down(int poolSize, int expected) {
        Config config = Config.fromEnvironment(Map.of("DATA_API_QUERY_POOL_SIZE", Integer.toString(poolSize)));

        assertThat(config.companyMaxConcurrency()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "a queue cap of {0} leaves one company {1} queued jobs")
    @CsvSource({"10000, 2500", "3, 1", "1, 1"})
    void company_queue_share_is_a_quarter_of_the_queue_cap(int maxQueued, long expected) {
        Config config = Config.fromEnvironment(Map.of("DATA_API_MAX_QUEUED_JOBS", Integer.toString(maxQueued)));

        assertThat(config.companyMaxQueuedJobs()).isEqualTo(expected);
    }

    @Test
    void limits_set_explicitly_are_taken_as_written() {
        Config config = Config.fromEnvironment(Map.of("DATA_API_QUERY_POOL_SIZE", "2",
                "DATA_API_COMPANY_MAX_CONCURRENCY", "2", "DATA_API_COMPANY_MAX_QUEUED_JOBS", "40"));

        assertThat(config.companyMaxConcurrency()).isEqualTo(2);
        assertThat(config.companyMaxQueuedJobs()).isEqualTo(40);
        assertThat(config.maxQueuedJobs()).isEqualTo(10_000);
    }
}
