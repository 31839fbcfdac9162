package dev.dataapi.app;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code keys list}: what each key may do and whether it is in use; never a token or a hash. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List API keys: id, company, token prefix, permissions, share-context pins, namespaces, rate"
                + " limit, expiry, last use, whether revoked, and until when a rotated-out token still works."
                + " Tokens and their hashes are never shown.",
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class KeyListCommand extends CommandOnCatalog {
    private static final String NONE = "-";

    @Option(names = "--company", paramLabel = "COMPANY", description = "Only this company's keys.")
    String company;

    @Override
    int run(CatalogConnection catalog, PrintWriter out, PrintWriter err) {
        CatalogSnapshot stored = catalog.store().load();
        if (company != null && stored.companies().stream().noneMatch(known -> known.id().value().equals(company))) {
            err.println("Refused: company '" + company + "' does not exist.");
            return Main.REFUSED;
        }
        List<ApiKey> keys = stored.apiKeys().stream()
                .filter(key -> company == null || key.company().equals(new CompanyId(company)))
                .sorted(Comparator.comparing((ApiKey key) -> key.company().value()).thenComparing(ApiKey::id))
                .toList();
        if (keys.isEmpty()) {
            out.println(company == null ? "No API keys." : "Company " + company + " has no API keys.");
            return Main.OK;
        }
        Map<String, Instant> lastUsed = catalog.usage().lastUsed();
        TextTable table = new TextTable("ID", "COMPANY", "PREFIX", "PERMISSIONS", "PINS", "NAMESPACES", "RATE LIMIT",
                "EXPIRES", "LAST USED", "REVOKED", "PREVIOUS TOKEN UNTIL");
        for (ApiKey key : keys) {
            table.add(key.id(), key.company().value(), key.tokenPrefix().orElse(NONE), permissions(key),
                    key.shareContext().isEmpty() ? NONE : ShareContextOption.format(key.shareContext()),
                    key.namespaces().isEmpty() ? "all" : String.join(",", key.namespaces()),
                    key.rateLimit().map(limit -> limit.requestsPerMinute() + "/min burst " + limit.burst()).orElse("default"),
                    instant(key.expiresAt(), "never"), instant(Optional.ofNullable(lastUsed.get(key.id())), "never"),
                    key.revoked() ? "yes" : "no",
                    instant(key.previousToken().map(previous -> previous.until()), NONE));
        }
        out.print(table.render());
        return Main.OK;
    }

    private static String permissions(ApiKey key) {
        return key.permissions().isEmpty() ? "none"
                : key.permissions().stream().map(Permission::wireName).collect(Collectors.joining(","));
    }

    private static String instant(Optional<Instant> instant, String absent) {
        return instant.map(value -> value.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(absent);
    }
}
