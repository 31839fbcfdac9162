package dev.dataapi.app;

import dev.dataapi.app.catalog.CatalogFile;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code catalog export [--company C]}: the stored catalog as a file that applies back to the same. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Print the stored catalog (or one company's part of it) as catalog YAML on stdout. Keys are"
                + " written by token hash, never by token; companies' webhook secrets are included, so treat the"
                + " output as a secret. Applying the output gives the same catalog back."},
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class CatalogExportCommand extends CommandOnCatalog {

    @Option(names = "--company", paramLabel = "COMPANY", description = "Only this company, its endpoints and its keys.")
    String company;

    @Override
    int run(CatalogConnection catalog, PrintWriter out, PrintWriter err) {
        CatalogSnapshot stored = catalog.store().load();
        if (company == null) {
            out.print(CatalogFile.write(stored));
            return Main.OK;
        }
        if (stored.companies().stream().noneMatch(known -> known.id().value().equals(company))) {
            err.println("Refused: company '" + company + "' does not exist.");
            return Main.REFUSED;
        }
        CompanyId id = new CompanyId(company);
        out.print(CatalogFile.write(new CatalogSnapshot(
                stored.companies().stream().filter(known -> known.id().equals(id)).toList(),
                stored.endpoints().stream().filter(endpoint -> endpoint.company().equals(id)).toList(),
                stored.apiKeys().stream().filter(key -> key.company().equals(id)).toList())));
        return Main.OK;
    }
}
