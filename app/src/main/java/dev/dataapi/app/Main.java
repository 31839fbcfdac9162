package dev.dataapi.app;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line: {@code java -jar data-api.jar [serve]} runs the server; {@code keys} and
 * {@code catalog} operate the catalog it serves. Configuration comes from {@code DATA_API_*}
 * environment variables (see {@code --help}). Exit codes: 0 done, 1 refused or failed, 2 usage error.
 */
@Command(name = "data-api", mixinStandardHelpOptions = true, version = "Data API 0.1.0",
        description = "Serves saved, parameterized SQL queries as authenticated HTTP endpoints.",
        subcommands = {Main.Serve.class, KeysCommand.class, CatalogCommand.class},
        footerHeading = "%n", footer = "Run without a command to start the server.%n")
public final class Main implements Callable<Integer> {
    /** The command ran and did what was asked. */
    static final int OK = CommandLine.ExitCode.OK;
    /** The command was refused (unknown key, invalid file, …) or the catalog could not be reached. */
    static final int REFUSED = CommandLine.ExitCode.SOFTWARE;
    /** The command line itself is wrong. */
    static final int USAGE = CommandLine.ExitCode.USAGE;

    private final Map<String, String> environment;

    private Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        CommandLine commandLine = commandLine(System.getenv());
        int exitCode = commandLine.execute(args);
        // Output printed without a line end (a listing, an export) must not be lost to exit.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }

    /** The command line reading its configuration from {@code environment} instead of the process's. */
    static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new Main(Objects.requireNonNull(environment, "'environment' is required")));
        String settings = Setting.helpText().replace("%", "%%");
        commandLine.getCommandSpec().usageMessage().footer("%nRun without a command to start the server.%n%n" + settings);
        commandLine.getSubcommands().get("serve").getCommandSpec().usageMessage().footer("%n" + settings);
        commandLine.setExecutionExceptionHandler(Main::failed);
        commandLine.setParameterExceptionHandler(Main::misused);
        return commandLine;
    }

    /** A usage error says what is wrong and where help is, rather than printing the whole help. */
    private static int misused(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The environment the command line was created with; {@code spec} is any of its commands. */
    static Map<String, String> environment(CommandSpec spec) {
        return ((Main) spec.root().userObject()).environment;
    }

    /**
     * A command that fails on the infrastructure (database unreachable, bad configuration) says why
     * in one line instead of a stack trace. Messages never hold tokens: commands keep them out.
     */
    private static int failed(Exception e, CommandLine commandLine, ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ConfigException) {
            err.println("Configuration error: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        err.println("Failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        err.flush();
        return REFUSED;
    }

    @Override
    public Integer call() {
        return Serve.serve(environment);
    }

    /** Starts the server and blocks until the process is asked to stop. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the HTTP server (the default command).")
    static final class Serve implements Callable<Integer> {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return serve(Main.environment(spec));
        }

        static int serve(Map<String, String> environment) {
            Config config;
            try {
                config = Config.fromEnvironment(environment);
            } catch (ConfigException e) {
                System.err.println("Configuration error: " + e.getMessage());
                return USAGE;
            }
            Application application;
            try {
                application = Application.start(config);
            } catch (StartupException e) {
                System.err.println(e.getMessage());
                return REFUSED;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                application.close();
                stopped.countDown();
            }, "data-api-shutdown"));
            System.out.println(application.banner());
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return OK;
        }
    }
}
