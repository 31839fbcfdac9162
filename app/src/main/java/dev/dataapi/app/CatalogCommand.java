package dev.dataapi.app;

import dev.dataapi.app.catalog.CatalogFile;
import dev.dataapi.app.catalog.CatalogFileResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code catalog …}: check catalog files, apply them to the catalog the server uses, export it. */
@Command(name = "catalog", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Validate catalog files, apply them to the catalog the server uses, export it.",
        subcommands = {CatalogCommand.Validate.class, CatalogApplyCommand.class, CatalogExportCommand.class},
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class CatalogCommand implements Runnable {
    /** Help text shared by the commands that work on the stored catalog. */
    static final String WHERE_THE_CATALOG_IS = "The catalog is the server's: with DATA_API_DATABASE_URL (and _USER,"
            + " _PASSWORD) set, that PostgreSQL; otherwise the embedded default's under DATA_API_DATA_DIR (default"
            + " ./data), reached through the running server's PostgreSQL, or started for the command when no server"
            + " runs; a command never creates it (start the server there once). Each command says on stderr which"
            + " database it used. Running servers see changes within"
            + " DATA_API_CATALOG_REFRESH (default 2s).";
    /** Help text on exit codes, shared by the commands. */
    static final String EXIT_CODES = "%nExit codes: 0 done, 1 refused (the reason is printed) or the catalog could not"
            + " be reached, 2 usage error.%n";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: validate, apply or export");
    }

    /** Checks a catalog file and prints every problem with its entry and field. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a catalog YAML file on its own (no database needed): prints every problem with its"
                    + " entry and field and exits 1 when there is any.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The catalog YAML file.")
        Path file;

        @Override
        public Integer call() {
            CatalogFileResult result = CatalogFile.read(file);
            if (result instanceof CatalogFileResult.Valid) {
                var snapshot = ((CatalogFileResult.Valid) result).snapshot();
                spec.commandLine().getOut().printf("%s is valid: %d companies, %d endpoints, %d API keys%n", file,
                        snapshot.companies().size(), snapshot.endpoints().size(), snapshot.apiKeys().size());
                return Main.OK;
            }
            printProblems(spec.commandLine().getErr(), file, (CatalogFileResult.Invalid) result);
            return Main.REFUSED;
        }
    }

    /** Lists every problem of a refused file, one a line: {@code entry: field: message}. */
    static void printProblems(PrintWriter err, Path file, CatalogFileResult.Invalid invalid) {
        err.printf("%s has %d problem(s):%n", file, invalid.problems().size());
        invalid.problems().forEach(problem -> err.println("  " + problem));
    }
}
