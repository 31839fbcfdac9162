package dev.dataapi.app.catalog;

import static dev.dataapi.app.catalog.CatalogFixtures.text;
import static dev.dataapi.app.catalog.CatalogFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogFileWriteTest {
    private static final CompanyId ACME = new CompanyId("acme");
    private static final CompanyId GLOBEX = new CompanyId("globex");
    private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void given_the_design_example_when_written_and_read_back_then_nothing_changes() {
        CatalogSnapshot example = valid(CatalogFile.read(text("design-example.yaml")));

        assertThat(valid(CatalogFile.read(CatalogFile.write(example)))).isEqualTo(example);
    }

    @Test
    void given_values_yaml_could_misread_when_written_and_read_back_then_nothing_changes() {
        CatalogSnapshot snapshot = tricky();

        String yaml = CatalogFile.write(snapshot);

        assertThat(valid(CatalogFile.read(yaml))).as("read back from%n%s", yaml).isEqualTo(snapshot);
    }

    @Test
    void given_a_company_rotating_its_webhook_secret_when_written_and_read_back_then_both_secrets_stay() {
        Company rotating = new Company(ACME, "Acme", Optional.of("whsec_c2Vjb25kLXNlY3JldC1mb3ItcmVjZWl2ZXJz"),
                Optional.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        CatalogSnapshot snapshot = new CatalogSnapshot(List.of(rotating), List.of(), List.of());

        String yaml = CatalogFile.write(snapshot);

        assertThat(yaml).contains("previous_webhook_secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(valid(CatalogFile.read(yaml))).isEqualTo(snapshot);
    }

    @Test
    void given_a_multi_line_sql_when_written_then_it_is_a_literal_block_and_defaults_are_spelt_out() {
        CatalogSnapshot example = valid(CatalogFile.read(text("design-example.yaml")));

        String yaml = CatalogFile.write(example);

        assertThat(yaml).contains("sql: |\n").contains("      FROM sales\n").contains("active: true").contains("max_rows: 10000")
                .contains("timeout_seconds: 60").doesNotContain("revoked");
    }

    @Test
    void given_an_empty_catalog_when_written_and_read_back_then_it_is_empty() {
        assertThat(valid(CatalogFile.read(CatalogFile.write(CatalogSnapshot.empty())))).isEqualTo(CatalogSnapshot.empty());
    }

    private static CatalogSnapshot tricky() {
        List<Object> lookalikes = List.of("on", "yes", "No", "true", "null", "~", "", " padded ", "123", "1.50", "0x1F",
                "2024-01-01", "a: b", "# not a comment", "'quoted'", "*alias", "&anchor", "- dash", "multi\nline");
        Endpoint strings = new Endpoint(ACME, new EndpointRef("tricky", "strings"), false, ExecutionMode.ASYNC,
                "SELECT :word AS word -- a comment: with a colon\n  , ':literal' AS literal",
                List.of(ParameterSpec.builder("word", ParameterType.scalar(ScalarType.STRING)).required(true)
                        .defaultValue("yes").allowedValues(lookalikes).maxLength(20).build()),
                250, Duration.ofSeconds(3600), List.of("word"));
        Endpoint typed = new Endpoint(GLOBEX, new EndpointRef("typed", "all-types"), true, ExecutionMode.SYNC,
                "SELECT :n, :ratio, :flag, :day, :at, :ids",
                List.of(ParameterSpec.builder("n", ParameterType.scalar(ScalarType.INTEGER)).defaultValue(new BigDecimal("7"))
                                .min(new BigDecimal("-3")).max(new BigDecimal("9000000000")).build(),
                        ParameterSpec.builder("ratio", ParameterType.scalar(ScalarType.NUMBER)).defaultValue(new BigDecimal("1.50"))
                                .min(new BigDecimal("1E+3").negate()).allowedValues(List.of(new BigDecimal("1.50"), new BigDecimal("2")))
                                .build(),
                        ParameterSpec.builder("flag", ParameterType.scalar(ScalarType.BOOLEAN)).defaultValue(false).build(),
                        ParameterSpec.builder("day", ParameterType.scalar(ScalarType.DATE)).defaultValue("2024-02-29")
                                .min("2000-01-01").max("2099-12-31").build(),
                        ParameterSpec.builder("at", ParameterType.scalar(ScalarType.TIMESTAMP))
                                .defaultValue("2026-04-11T10:30:00.125+02:00").min("2020-01-01T00:00:00Z").build(),
                        ParameterSpec.builder("ids", ParameterType.listOf(ScalarType.INTEGER))
                                .defaultValue(List.of(new BigDecimal("1"), new BigDecimal("2"))).maxItems(3).build()),
                1, Duration.ofSeconds(5), List.of());
        Map<String, Object> pins = new LinkedHashMap<>();
        pins.put("ids", List.of(new BigDecimal("1"), new BigDecimal("2")));
        return new CatalogSnapshot(
                List.of(new Company(ACME, "Acme: Ltd # 1", Optional.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
                        new Company(GLOBEX, "true", Optional.empty())),
                List.of(strings, typed),
                List.of(new ApiKey("acme-partner", ACME, TOKEN, EnumSet.of(Permission.GET_JOB), new ShareContext(Map.of("word", "on")),
                                Optional.of(Instant.parse("2027-06-30T12:00:00.123456789Z")), true),
                        new ApiKey("globex-all", GLOBEX, TOKEN.replace('9', '8'), Set.of(), new ShareContext(pins), Optional.empty(), false)));
    }
}
