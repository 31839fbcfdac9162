package dev.dataapi.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that works on the catalog the servers use: it checks its options, opens that catalog,
 * says on stderr which one it is, runs, and closes the catalog whatever happens (a PostgreSQL the
 * command started for itself is stopped again).
 */
abstract class CommandOnCatalog implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Checks the options before the catalog is opened; a usage error throws picocli's ParameterException. */
    void checkOptions() {
    }

    /**
     * Does the command's work.
     *
     * @return the exit code: {@link Main#OK} or {@link Main#REFUSED}
     */
    abstract int run(CatalogConnection catalog, PrintWriter out, PrintWriter err);

    @Override
    public final Integer call() {
        checkOptions();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (CatalogConnection catalog = CatalogConnection.open(Main.environment(spec))) {
            err.println("Catalog: " + catalog.description());
            return run(catalog, out, err);
        }
    }
}
