package dev.dataapi.app.catalog;

import static dev.dataapi.app.catalog.CatalogFixtures.path;
import static dev.dataapi.app.catalog.CatalogFixtures.problems;
import static dev.dataapi.app.catalog.CatalogFixtures.text;
import static dev.dataapi.app.catalog.CatalogFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.CatalogProblem;
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
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFileReadTest {
    private static final CompanyId ACME = new CompanyId("acme");

    @Test
    void given_the_design_example_when_read_then_it_gives_the_described_company_endpoint_and_key() {
        CatalogSnapshot snapshot = valid(CatalogFile.read(path("design-example.yaml")));

        assertThat(snapshot.companies()).containsExactly(
                new Company(ACME, "Acme Ltd", Optional.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")));
        assertThat(snapshot.endpoints()).containsExactly(new Endpoint(ACME, new EndpointRef("sales", "by-region"), true,
                ExecutionMode.SYNC,
                "SELECT region AS regiao, sum(amount) AS total\n"
                        + "FROM sales\n"
                        + "WHERE month >= :since AND region = ANY(:regions)\n"
                        + "GROUP BY 1 ORDER BY 1\n",
                List.of(ParameterSpec.builder("since", ParameterType.scalar(ScalarType.DATE)).defaultValue("2024-01-01").build(),
                        ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
                                .allowedValues(List.of("Norte", "Nordeste", "Centro-Oeste", "Sudeste", "Sul"))
                                .maxItems(5).build()),
                10_000, Duration.ofSeconds(60), List.of("regions")));
        assertThat(snapshot.apiKeys()).containsExactly(new ApiKey("acme-partner-south", ACME,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                EnumSet.of(Permission.EXECUTE, Permission.GET_JOB), new ShareContext(Map.of("regions", List.of("Sul"))),
                Optional.of(Instant.parse("2027-06-30T00:00:00Z")), false));
        assertThat(snapshot.endpoints().get(0).parameter("since").orElseThrow().defaultValue())
                .contains(LocalDate.of(2024, 1, 1));
    }

    @Test
    void given_only_required_fields_when_read_then_defaults_apply() {
        CatalogSnapshot snapshot = valid(CatalogFile.read(text("defaults.yaml")));

        assertThat(snapshot.companies().get(0).webhookSecret()).isEmpty();
        Endpoint sync = snapshot.endpoints().get(0);
        assertThat(sync.active()).isTrue();
        assertThat(sync.maxRows()).isEqualTo(10_000);
        assertThat(sync.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(sync.parameters()).isEmpty();
        assertThat(sync.requireShareContext()).isEmpty();
        Endpoint async = snapshot.endpoints().get(1);
        assertThat(async.timeout()).isEqualTo(Duration.ofSeconds(900));
        ParameterSpec year = async.parameters().get(0);
        assertThat(year.required()).isFalse();
        assertThat(year.defaultValue()).isEmpty();
        assertThat(year.allowedValues()).isEmpty();
        ApiKey key = snapshot.apiKeys().get(0);
        assertThat(key.permissions()).isEmpty();
        assertThat(key.shareContext().isEmpty()).isTrue();
        assertThat(key.expiresAt()).isEmpty();
        assertThat(key.revoked()).isFalse();
    }

    @Test
    void given_yaml_1_1_lookalikes_when_read_then_they_stay_the_text_that_was_written() {
        CatalogSnapshot snapshot = valid(CatalogFile.read(text("yaml-traps.yaml")));

        assertThat(snapshot.companies().get(0)).isEqualTo(new Company(new CompanyId("on"), "yes", Optional.empty()));
        Endpoint endpoint = snapshot.endpoints().get(0);
        assertThat(endpoint.ref()).isEqualTo(new EndpointRef("2024", "no"));
        assertThat(endpoint.parameter("since").orElseThrow().defaultValue()).contains(LocalDate.of(2024, 1, 1));
        assertThat(endpoint.parameter("answer").orElseThrow().defaultValue()).contains("yes");
        assertThat(endpoint.parameter("codes").orElseThrow().allowedValues()).containsExactly("01", "012", "on", "off", "1.50");
        assertThat(endpoint.parameter("flag").orElseThrow().defaultValue()).contains(true);
        assertThat(snapshot.apiKeys().get(0).shareContext().pins())
                .containsExactly(Map.entry("answer", "on"), Map.entry("codes", List.of("on", "01")));
    }

    @Test
    void given_plain_numbers_and_booleans_when_read_as_json_values_then_they_are_big_decimals_and_booleans() {
        CatalogSnapshot snapshot = valid(CatalogFile.read(String.join("\n",
                "companies: [{id: acme, name: Acme}]",
                "endpoints:",
                "  - {company: acme, namespace: s, slug: e, mode: sync, sql: 'SELECT 1',",
                "     parameters: [{name: store, type: integer}, {name: ratio, type: number}, {name: big, type: number},",
                "                  {name: open, type: boolean}, {name: words, type: 'string[]'}]}",
                "api_keys:",
                "  - id: k",
                "    company: acme",
                "    token_sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "    permissions: [data_api:execute]",
                "    share_context: {store: 012, ratio: 1.50, big: 1e3, open: true, words: [yes, 'no']}",
                "")));

        assertThat(snapshot.apiKeys().get(0).shareContext().pins()).containsExactly(
                Map.entry("store", new BigDecimal("12")), Map.entry("ratio", new BigDecimal("1.50")),
                Map.entry("big", new BigDecimal("1e3")), Map.entry("open", true), Map.entry("words", List.of("yes", "no")));
    }

    @Test
    void given_an_empty_file_or_empty_lists_when_read_then_the_catalog_is_valid_and_empty() {
        assertThat(valid(CatalogFile.read(""))).isEqualTo(CatalogSnapshot.empty());
        assertThat(valid(CatalogFile.read("# nothing yet\n"))).isEqualTo(CatalogSnapshot.empty());
        assertThat(valid(CatalogFile.read("companies: []\nendpoints: []\napi_keys: []\n"))).isEqualTo(CatalogSnapshot.empty());
        assertThat(valid(CatalogFile.read("companies:\nendpoints:\n"))).isEqualTo(CatalogSnapshot.empty());
    }

    @Test
    void given_a_missing_file_when_read_then_one_problem_names_the_file() {
        Path missing = Path.of("no-such-dir", "catalog.yaml");

        CatalogFileResult result = CatalogFile.read(missing);

        assertThat(result).isInstanceOf(CatalogFileResult.Invalid.class);
        assertThat(((CatalogFileResult.Invalid) result).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.entry()).isEqualTo("file");
            assertThat(problem.field()).isEqualTo(missing.toString());
            assertThat(problem.message()).startsWith("cannot be read: NoSuchFileException");
        });
    }

    @Test
    void given_a_file_on_disk_when_read_by_path_then_it_equals_reading_its_text(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("catalog.yaml");
        java.nio.file.Files.writeString(file, text("defaults.yaml"));

        assertThat(valid(CatalogFile.read(file))).isEqualTo(valid(CatalogFile.read(text("defaults.yaml"))));
    }

    @Test
    void given_a_number_where_text_is_expected_when_read_then_the_text_is_taken_as_written() {
        assertThat(valid(CatalogFile.read("companies: [{id: 2024, name: 1.50}]\n")).companies())
                .containsExactly(new Company(new CompanyId("2024"), "1.50", Optional.empty()));
    }

    @Test
    void given_a_yes_where_a_boolean_is_expected_when_read_then_it_is_a_problem_not_true() {
        assertThat(problems("companies: [{id: acme, name: Acme}]\nendpoints:\n"
                + "  - {company: acme, namespace: a, slug: b, mode: sync, sql: SELECT 1, active: yes}\n"))
                .containsExactly(new CatalogProblem("endpoint acme/a/b", "active", "'active' must be true or false, got 'yes'"));
    }
}
