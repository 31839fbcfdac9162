package dev.dataapi.app;

import dev.dataapi.app.catalog.CatalogFile;
import dev.dataapi.app.catalog.CatalogFileResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code catalog …}: work with catalog files. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Validate catalog files.",
        subcommands = {CatalogCommand.Validate.class})
final class CatalogCommand {

    /** Checks a catalog file and prints every problem with its entry and field. */
    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a catalog YAML file; prints every problem and exits 1 when there is any.")
    static final class Validate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE", description = "The catalog YAML file.")
        Path file;

        @Override
        public Integer call() {
            CatalogFileResult result = CatalogFile.read(file);
            if (result instanceof CatalogFileResult.Valid) {
                var snapshot = ((CatalogFileResult.Valid) result).snapshot();
                System.out.printf("%s is valid: %d companies, %d endpoints, %d API keys%n", file,
                        snapshot.companies().size(), snapshot.endpoints().size(), snapshot.apiKeys().size());
                return 0;
            }
            var problems = ((CatalogFileResult.Invalid) result).problems();
            System.err.printf("%s has %d problem(s):%n", file, problems.size());
            problems.forEach(problem -> System.err.println("  " + problem));
            return 1;
        }
    }
}
