package dev.dataapi.app.catalog;

import static dev.dataapi.app.catalog.CatalogFixtures.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file applied with pruning replaces everything of its companies, so it is checked against the
 * stored catalog without their current endpoints and keys, and with them as they are otherwise.
 */
class CatalogFilePruningTest {
    private static final String TOKEN = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final CatalogSnapshot STORED = valid(CatalogFile.read("""
            companies: [{id: acme, name: Acme}, {id: globex, name: Globex}]
            endpoints:
              - {company: acme, namespace: old, slug: by-year, mode: sync, sql: SELECT :year, parameters: [{name: year, type: integer}]}
              - {company: globex, namespace: sales, slug: by-region, mode: sync, sql: SELECT :region,
                 parameters: [{name: region, type: string}]}
            api_keys:
              - {id: acme-old, company: acme, token_sha256: %s, permissions: []}
            """.formatted(TOKEN)));

    @Test
    void given_a_pin_only_a_pruned_endpoint_declares_when_read_for_pruning_then_it_pins_nothing() {
        String yaml = """
                companies: [{id: acme, name: Acme}]
                endpoints:
                  - {company: acme, namespace: new, slug: report, mode: sync, sql: SELECT 1}
                api_keys:
                  - {id: acme-new, company: acme, token_sha256: %s, permissions: [], share_context: {year: 2024}}
                """.formatted(TOKEN.replace('9', '8'));

        assertThat(CatalogFile.read(yaml, STORED)).as("without pruning the old endpoint still declares it")
                .isInstanceOf(CatalogFileResult.Valid.class);
        assertThat(CatalogFile.readPruning(yaml, STORED)).isEqualTo(new CatalogFileResult.Invalid(List.of(new CatalogProblem(
                "api_key acme-new", "share_context.year", "'year' is not a parameter of any endpoint of company acme;"
                + " a pin that matches nothing restricts nothing"))));
    }

    @Test
    void given_a_token_of_a_key_the_prune_removes_when_read_for_pruning_then_it_is_not_a_duplicate() {
        String yaml = """
                companies: [{id: acme, name: Acme}]
                api_keys:
                  - {id: acme-renamed, company: acme, token_sha256: %s, permissions: []}
                """.formatted(TOKEN);

        assertThat(CatalogFile.read(yaml, STORED)).isInstanceOf(CatalogFileResult.Invalid.class);
        assertThat(CatalogFile.readPruning(yaml, STORED)).isInstanceOf(CatalogFileResult.Valid.class);
    }

    @Test
    void given_a_company_the_file_does_not_list_when_read_for_pruning_then_its_stored_entries_still_count() {
        String yaml = """
                api_keys:
                  - {id: globex-pinned, company: globex, token_sha256: %s, permissions: [], share_context: {region: Sul}}
                """.formatted(TOKEN.replace('9', '7'));

        assertThat(CatalogFile.readPruning(yaml, STORED)).isInstanceOf(CatalogFileResult.Valid.class);
    }
}
