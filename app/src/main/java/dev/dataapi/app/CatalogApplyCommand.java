package dev.dataapi.app;

import dev.dataapi.app.catalog.CatalogFile;
import dev.dataapi.app.catalog.CatalogFileResult;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code catalog apply FILE [--prune]}: a checked file, written in one transaction. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply a catalog YAML file to the catalog the server uses, in one transaction: companies,"
                + " endpoints and API keys are created or replaced by natural key (company id; company, namespace and"
                + " slug; key id); what the file does not name is left alone.",
                "The file is checked first against the stored catalog: with any problem, every one is printed with its"
                        + " entry and field and nothing is written."},
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class CatalogApplyCommand extends CommandOnCatalog {

    @Parameters(index = "0", paramLabel = "FILE", description = "The catalog YAML file.")
    Path file;

    @Option(names = "--prune", description = "Also delete the endpoints and API keys of the companies the file lists"
            + " that it no longer names (other companies' are left alone; companies are never deleted). List a company"
            + " with no endpoints or keys to remove all of them.")
    boolean prune;

    @Override
    int run(CatalogConnection catalog, PrintWriter out, PrintWriter err) {
        CatalogStore store = catalog.store();
        CatalogSnapshot stored = store.load();
        CatalogFileResult result = prune ? CatalogFile.readPruning(file, stored) : CatalogFile.read(file, stored);
        if (result instanceof CatalogFileResult.Invalid) {
            CatalogCommand.printProblems(err, file, (CatalogFileResult.Invalid) result);
            err.println("Nothing was applied.");
            return Main.REFUSED;
        }
        CatalogSnapshot changes = ((CatalogFileResult.Valid) result).snapshot();
        Set<CompanyId> pruned = new LinkedHashSet<>();
        if (prune) {
            changes.companies().stream().map(Company::id).forEach(pruned::add);
        }
        CatalogSnapshot deleted = store.apply(changes, pruned);
        out.printf("Applied %s: %d companies, %d endpoints, %d API keys.%n", file, changes.companies().size(),
                changes.endpoints().size(), changes.apiKeys().size());
        if (prune) {
            printPruned(out, deleted);
        }
        catalog.tellServers(err, "see the changes");
        return Main.OK;
    }

    private static void printPruned(PrintWriter out, CatalogSnapshot deleted) {
        if (deleted.endpoints().isEmpty() && deleted.apiKeys().isEmpty()) {
            out.println("Pruned nothing: every endpoint and API key of the file's companies is in the file.");
            return;
        }
        out.printf("Pruned %d endpoints and %d API keys the file no longer lists:%n", deleted.endpoints().size(),
                deleted.apiKeys().size());
        for (Endpoint endpoint : deleted.endpoints()) {
            out.println("  endpoint " + endpoint.company() + "/" + endpoint.ref());
        }
        for (ApiKey key : deleted.apiKeys()) {
            out.println("  api_key " + key.id() + " (company " + key.company() + ")");
        }
    }
}
