package dev.dataapi.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code java -jar data-api.jar [serve]} runs the server; other commands operate
 * the catalog. Configuration comes from {@code DATA_API_*} environment variables (see {@code --help}).
 */
@Command(name = "data-api", mixinStandardHelpOptions = true, version = "Data API 0.1.0",
        description = "Serves saved, parameterized SQL queries as authenticated HTTP endpoints.",
        subcommands = {Main.Serve.class, CatalogCommand.class},
        footerHeading = "%n", footer = "Run without a command to start the server.%n")
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        String environment = Setting.helpText();
        commandLine.getCommandSpec().usageMessage().footer("%nRun without a command to start the server.%n%n"
                + environment.replace("%", "%%"));
        commandLine.getSubcommands().get("serve").getCommandSpec().usageMessage()
                .footer("%n" + environment.replace("%", "%%"));
        return commandLine;
    }

    @Override
    public Integer call() {
        return new Serve().call();
    }

    /** Starts the server and blocks until the process is asked to stop. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the HTTP server (the default command).")
    static final class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            Config config;
            try {
                config = Config.fromEnvironment(System.getenv());
            } catch (ConfigException e) {
                System.err.println("Configuration error: " + e.getMessage());
                return 2;
            }
            Application application;
            try {
                application = Application.start(config);
            } catch (StartupException e) {
                System.err.println(e.getMessage());
                return 1;
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
            return 0;
        }
    }
}
