package dev.dataapi.app;

import static dev.dataapi.app.SharedCatalog.env;
import static dev.dataapi.app.SharedCatalog.stored;
import static dev.dataapi.app.SharedCatalog.unique;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.app.catalog.CatalogFile;
import dev.dataapi.app.catalog.CatalogFileResult;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog validate|apply|export} on the catalog of the shared test server. Every test works
 * on companies of its own, so that pruning never touches what other tests use.
 */
class CatalogCommandTest {
    @TempDir
    Path files;

    /** The stored endpoints and keys of {@code company}, as {@code company/namespace/slug} and key ids. */
    private static List<String> entriesOf(String company) {
        CatalogSnapshot stored = stored();
        CompanyId id = new CompanyId(company);
        return Stream.concat(
                stored.endpoints().stream().filter(endpoint -> endpoint.company().equals(id))
                        .map(endpoint -> endpoint.company() + "/" + endpoint.ref()),
                stored.apiKeys().stream().filter(key -> key.company().equals(id)).map(ApiKey::id)).toList();
    }

    private Path file(String yaml) {
        try {
            return Files.writeString(Files.createTempFile(files, "catalog", ".yaml"), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String company(String id) {
        return "  - {id: " + id + ", name: Company " + id + "}\n";
    }

    private static String endpoint(String company, String namespace, String slug) {
        return "  - {company: " + company + ", namespace: " + namespace + ", slug: " + slug + ", mode: sync,"
                + " sql: 'SELECT :region::text AS region', parameters: [{name: region, type: string}]}\n";
    }

    private static String key(String id, String company) {
        return "  - {id: " + id + ", company: " + company + ", token_sha256: " + TestServer.sha256(id)
                + ", permissions: [data_api:execute]}\n";
    }

    @Test
    @DisplayName("validate reports every problem of a file with its entry and field, and needs no database")
    void validate_reports_every_problem() throws URISyntaxException {
        Path broken = Path.of(Objects.requireNonNull(getClass().getResource("/catalog/several-problems.yaml")).toURI());

        Cli.Run run = Cli.run(Map.of(), "catalog", "validate", broken.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("has 6 problem(s)",
                "company Acme_Ltd: id: 'id' must be kebab-case",
                "endpoint acme/sales/by-region: parameters[0].type: type must be one of",
                "endpoint acme/sales/by-region: max_rows: 'max_rows' must be between 1 and 10000, got 0",
                "endpoint acme/sales/by-region: timeout_seconds: 'timeout_seconds' of a sync endpoint must be at most 60",
                "api_key acme-key: expires: unknown field 'expires'",
                "api_key acme-key: permissions[0]: permission must be 'data_api:execute' or 'data_api:get_job', got 'data_api:run'");
        Cli.Run valid = Cli.run(Map.of(), "catalog", "validate", file("companies: [{id: acme, name: Acme}]\n").toString());
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out()).contains("is valid: 1 companies, 0 endpoints, 0 API keys");
    }

    @Test
    void given_an_invalid_file_when_applied_then_every_problem_is_listed_and_nothing_is_written() {
        String company = unique("refused");
        Path yaml = file("companies:\n" + company(company) + "endpoints:\n" + endpoint(company, "reports", "Bad_Slug")
                + "api_keys:\n" + key(unique("orphan"), "no-such-company")
                + "  - {id: " + unique("limited") + ", company: " + company + ", token_sha256: " + TestServer.sha256("x")
                + ", permissions: [], rate_limit: {requests_per_minute: 0, burst: 1}}\n");

        Cli.Run run = Cli.run(env(), "catalog", "apply", yaml.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("has 3 problem(s)", "endpoint " + company + "/reports/Bad_Slug: slug:",
                "rate_limit.requests_per_minute: 'requests_per_minute' must be at least 1, got 0",
                "company: company 'no-such-company' is not declared", "Nothing was applied.");
        assertThat(stored().companies()).noneMatch(stored -> stored.id().value().equals(company));
    }

    @Test
    @DisplayName("apply --prune removes exactly the endpoints and keys of the file's companies that it no longer lists")
    void prune_removes_exactly_what_the_file_no_longer_lists() {
        String pruned = unique("pruned");
        String bystander = unique("bystander");
        String keptKey = unique("kept-key");
        String droppedKey = unique("dropped-key");
        String bystanderKey = unique("bystander-key");
        Cli.Run setup = Cli.run(env(), "catalog", "apply", file("companies:\n" + company(pruned) + company(bystander)
                + "endpoints:\n" + endpoint(pruned, "reports", "kept") + endpoint(pruned, "reports", "dropped")
                + endpoint(bystander, "reports", "dropped") + "api_keys:\n" + key(keptKey, pruned) + key(droppedKey, pruned)
                + key(bystanderKey, bystander)).toString());
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        Path fewer = file("companies:\n" + company(pruned) + "endpoints:\n" + endpoint(pruned, "reports", "kept")
                + "api_keys:\n" + key(keptKey, pruned));

        Cli.Run plain = Cli.run(env(), "catalog", "apply", fewer.toString());
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(entriesOf(pruned)).as("without --prune nothing is removed").hasSize(4);

        Cli.Run run = Cli.run(env(), "catalog", "apply", fewer.toString(), "--prune");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Pruned 1 endpoints and 1 API keys", "endpoint " + pruned + "/reports/dropped",
                "api_key " + droppedKey + " (company " + pruned + ")");
        assertThat(entriesOf(pruned)).containsExactlyInAnyOrder(pruned + "/reports/kept", keptKey);
        assertThat(entriesOf(bystander)).containsExactlyInAnyOrder(bystander + "/reports/dropped", bystanderKey);

        Cli.Run emptied = Cli.run(env(), "catalog", "apply", file("companies:\n" + company(pruned)).toString(), "--prune");

        assertThat(emptied.exitCode()).as(emptied.toString()).isZero();
        assertThat(emptied.out()).contains("endpoint " + pruned + "/reports/kept", "api_key " + keptKey);
        assertThat(entriesOf(pruned)).isEmpty();
        assertThat(stored().companies()).anyMatch(stored -> stored.id().value().equals(pruned));
        assertThat(entriesOf(bystander)).hasSize(2);
    }

    @Test
    @DisplayName("a company's export applies back to exactly the same catalog, rotated and scoped keys included")
    void company_export_round_trips() throws IOException {
        String company = unique("exported");
        Cli.Run setup = Cli.run(env(), "catalog", "apply", file("companies:\n" + company(company) + "endpoints:\n"
                + endpoint(company, "reports", "by-region") + endpoint(company, "other", "by-region")).toString());
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
        String rotated = Cli.run(env(), "keys", "create", "--company", company, "--permissions", "data_api:execute",
                "--share-context", "region=\"007\"", "--namespaces", "reports", "--rate-limit", "10/min", "--burst", "2",
                "--expires-in", "30d").field("id");
        assertThat(Cli.run(env(), "keys", "rotate", rotated, "--overlap", "1h").exitCode()).isZero();
        String revoked = Cli.run(env(), "keys", "create", "--company", company, "--permissions", "data_api:get_job").field("id");
        assertThat(Cli.run(env(), "keys", "revoke", revoked).exitCode()).isZero();
        CatalogSnapshot before = partOf(stored(), company);

        Cli.Run export = Cli.run(env(), "catalog", "export", "--company", company);

        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(CatalogFile.read(export.out())).isEqualTo(new CatalogFileResult.Valid(before));
        Path exported = Files.writeString(files.resolve("export.yaml"), export.out());
        Cli.Run apply = Cli.run(env(), "catalog", "apply", exported.toString(), "--prune");
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(apply.out()).contains("Pruned nothing");
        assertThat(partOf(stored(), company)).isEqualTo(before);
        assertThat(before.apiKeys()).hasSize(2);
        assertThat(before.apiKeys().get(0).previousToken().isPresent() || before.apiKeys().get(1).previousToken().isPresent())
                .isTrue();
    }

    @Test
    void given_the_whole_catalog_when_exported_and_applied_then_it_is_unchanged() throws IOException {
        CatalogSnapshot before = stored();

        Cli.Run export = Cli.run(env(), "catalog", "export");

        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(export.out()).startsWith("companies:");
        assertThat(CatalogFile.read(export.out())).isEqualTo(new CatalogFileResult.Valid(before));
        Cli.Run apply = Cli.run(env(), "catalog", "apply", Files.writeString(files.resolve("all.yaml"), export.out()).toString());
        assertThat(apply.exitCode()).as(apply.toString()).isZero();
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void given_an_unknown_company_when_exporting_then_it_is_refused() {
        Cli.Run run = Cli.run(env(), "catalog", "export", "--company", "no-such-company");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("company 'no-such-company' does not exist");
        assertThat(run.out()).isEmpty();
    }

    private static CatalogSnapshot partOf(CatalogSnapshot stored, String company) {
        CompanyId id = new CompanyId(company);
        return new CatalogSnapshot(stored.companies().stream().filter(known -> known.id().equals(id)).toList(),
                stored.endpoints().stream().filter((Endpoint endpoint) -> endpoint.company().equals(id)).toList(),
                stored.apiKeys().stream().filter(key -> key.company().equals(id)).toList());
    }
}
