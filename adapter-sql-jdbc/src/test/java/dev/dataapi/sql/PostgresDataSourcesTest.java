package dev.dataapi.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresDataSourcesTest {
    private final PostgresSettings settings = PostgresSettings.of(EmbeddedPostgresSupport.jdbcUrl(),
            EmbeddedPostgresSupport.user(), "");

    @Test
    void given_settings_when_a_pool_is_created_then_its_sessions_carry_the_pool_name() throws SQLException {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("catalog-test", 2, Duration.ofSeconds(1)));
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_setting('application_name')")) {
            rows.next();

            assertThat(rows.getString(1)).isEqualTo("catalog-test");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            assertThat(pool.getConnectionTimeout()).isEqualTo(1000);
        }
    }

    @Test
    void given_read_only_settings_when_a_connection_writes_then_the_database_refuses() throws SQLException {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("read-only-test", 1, Duration.ofSeconds(1))
                .asReadOnly());
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {

            assertThatThrownBy(() -> statement.execute("CREATE TABLE " + Queries.uniqueTable() + " (x int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void given_a_read_only_pool_when_the_query_executor_runs_on_it_then_queries_still_work() {
        try (HikariDataSource pool = PostgresDataSources.create(settings.withPool("query-test", 1, Duration.ofSeconds(1))
                .asReadOnly())) {
            CollectingSink sink = new CollectingSink();

            new JdbcQueryExecutor(pool).execute(Queries.request("SELECT 41 + 1"), sink);

            assertThat(sink.single()).isEqualTo(42);
        }
    }

    @Test
    void given_a_url_of_another_database_when_settings_are_made_then_refused_naming_the_field() {
        assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://db/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jdbcUrl'");
    }

    @Test
    void given_a_pool_size_or_wait_out_of_range_when_settings_are_made_then_refused_naming_the_field() {
        assertThatThrownBy(() -> settings.withPool("p", 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'maximumPoolSize'");
        assertThatThrownBy(() -> settings.withPool("p", 1, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'connectionTimeout'");
        assertThatThrownBy(() -> settings.withPool(" ", 1, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'poolName'");
    }

    @Test
    void given_settings_with_passwords_when_printed_then_no_password_shows() {
        PostgresSettings secret = PostgresSettings.of("jdbc:postgresql://db/x?user=u&password=hunter2", "u", "s3cret");

        assertThat(secret.toString()).doesNotContain("hunter2").doesNotContain("s3cret").contains("password=***");
    }
}
