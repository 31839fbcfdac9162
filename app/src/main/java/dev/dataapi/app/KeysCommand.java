package dev.dataapi.app;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code keys …}: the API keys of the catalog the server uses. */
@Command(name = "keys", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Create, list, revoke and rotate API keys in the catalog the server uses.",
        subcommands = {KeyCreateCommand.class, KeyListCommand.class, KeyRevokeCommand.class, KeyRotateCommand.class},
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: create, list, revoke or rotate");
    }

    /** The stored key with that id, whatever its company. */
    static Optional<ApiKey> find(CatalogSnapshot stored, String id) {
        return stored.apiKeys().stream().filter(key -> key.id().equals(id)).findFirst();
    }
}
