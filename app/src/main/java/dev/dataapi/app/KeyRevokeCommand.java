package dev.dataapi.app;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code keys revoke ID}: the key stops working, with any of its tokens, for good. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = "Revoke an API key: neither its token nor a previous one authenticates any more. Revoking a"
                + " revoked key changes nothing.",
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class KeyRevokeCommand extends CommandOnCatalog {

    @Parameters(index = "0", paramLabel = "ID", description = "The key's id (see keys list).")
    String id;

    @Override
    int run(CatalogConnection catalog, PrintWriter out, PrintWriter err) {
        Optional<ApiKey> key = KeysCommand.find(catalog.store().load(), id);
        if (key.isEmpty()) {
            err.println("Refused: there is no API key '" + id + "'.");
            return Main.REFUSED;
        }
        if (key.get().revoked()) {
            out.println("API key " + id + " (company " + key.get().company() + ") was already revoked.");
            return Main.OK;
        }
        catalog.store().apply(new CatalogSnapshot(List.of(), List.of(), List.of(key.get().asRevoked())));
        out.println("Revoked API key " + id + " (company " + key.get().company() + ").");
        catalog.tellServers(err, "refuse it");
        return Main.OK;
    }
}
