package dev.dataapi.app;

import dev.dataapi.core.ApiToken;
import dev.dataapi.core.CatalogProblem;
import dev.dataapi.core.CatalogValidator;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.RateLimit;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.out.CatalogSnapshot;
import dev.dataapi.ports.out.CatalogStore;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code keys create}: a new key with a generated token, shown once. */
@Command(name = "create", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create an API key and print its token. The token is shown only this once: the catalog keeps"
                + " only its SHA-256 and a display prefix.",
                "Output (stdout): the key's id, its prefix, then the token alone on the last line."},
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class KeyCreateCommand extends CommandOnCatalog {
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int ID_SUFFIX_LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PINS = "share_context.";

    @Option(names = "--company", required = true, paramLabel = "COMPANY",
            description = "The company the key belongs to; it must exist in the catalog.")
    String company;

    @Option(names = "--permissions", required = true, split = ",", paramLabel = "PERMISSION",
            converter = KeyOptions.PermissionValue.class,
            description = "What the key may do: data_api:execute, data_api:get_job or both, comma separated.")
    List<Permission> permissions;

    @Option(names = "--id", paramLabel = "ID",
            description = "The key's id, kebab-case; an existing id is refused. Default: the company and 8 random"
                    + " letters and digits, e.g. acme-k3x9p2qa.")
    String id;

    @Option(names = "--share-context", paramLabel = "PINS", converter = ShareContextOption.class,
            description = {"Values the key pins for every endpoint it runs: name=value or name=[a|b], comma separated,"
                    + " e.g. region=Sul,regions=[Sul|Sudeste].",
                    "Values are typed as in a catalog file: true/false are booleans, numbers are numbers, the rest is"
                            + " text; quote a value to keep it text (code='\"007\"'). Each pin must fit the parameters"
                            + " of that name of the company's endpoints."})
    ShareContext shareContext;

    @Option(names = "--namespaces", split = ",", paramLabel = "NAMESPACE", converter = KeyOptions.NamespaceValue.class,
            description = "Only these namespaces of the company, comma separated. Default: all of them.")
    List<String> namespaces;

    @Option(names = "--expires-in", paramLabel = "DURATION", converter = DurationOption.class,
            description = "The key stops working this long from now: 30m, 12h, 90d. Default: never.")
    Duration expiresIn;

    @Option(names = "--rate-limit", paramLabel = "N/min", converter = KeyOptions.PerMinuteValue.class,
            description = "The key's own request rate, e.g. 120/min. Default: the server's DATA_API_RATE_LIMIT_* setting.")
    Integer perMinute;

    @Option(names = "--burst", paramLabel = "M",
            description = "Requests an idle key may send at once, with --rate-limit. Default: N, a minute's worth.")
    Integer burst;

    private CompanyId companyId;
    private Optional<Instant> expiresAt;
    private Optional<RateLimit> rateLimit;

    @Override
    void checkOptions() {
        companyId = parse("--company", () -> new CompanyId(company));
        if (id != null) {
            parse("--id", () -> Names.requireKebabCase("id", id));
        }
        expiresAt = expiry();
        rateLimit = rateLimit();
    }

    @Override
    int run(CatalogConnection catalog, PrintWriter out, PrintWriter err) {
        CatalogStore store = catalog.store();
        CatalogSnapshot stored = store.load();
        if (stored.companies().stream().noneMatch(known -> known.id().equals(companyId))) {
            String companies = stored.companies().stream().map(known -> known.id().value()).sorted()
                    .collect(Collectors.joining(", "));
            err.println("Refused: company '" + company + "' does not exist (companies: "
                    + (companies.isEmpty() ? "none yet; add one with catalog apply" : companies) + ").");
            return Main.REFUSED;
        }
        String keyId = id != null ? id : generatedId(companyId, stored);
        Optional<ApiKey> existing = stored.apiKeys().stream().filter(key -> key.id().equals(keyId)).findFirst();
        if (existing.isPresent()) {
            err.println("Refused: API key '" + keyId + "' already exists (company " + existing.get().company()
                    + "); choose another --id, or give it a new token with: keys rotate " + keyId);
            return Main.REFUSED;
        }
        ApiToken token = ApiToken.generate();
        ApiKey key = new ApiKey(keyId, companyId, token.sha256(), Optional.of(token.prefix()),
                Set.copyOf(permissions),
                shareContext, namespaces == null ? Set.of() : new TreeSet<>(namespaces), rateLimit, expiresAt, false,
                Optional.empty());
        CatalogSnapshot change = new CatalogSnapshot(List.of(), List.of(), List.of(key));
        List<CatalogProblem> problems = new CatalogValidator().validateChanges(change, stored);
        if (!problems.isEmpty()) {
            err.println("Refused: the key breaks the catalog rules:");
            problems.forEach(problem -> err.println("  " + problem.field() + ": " + problem.message()));
            quotingHints(err, problems);
            return Main.REFUSED;
        }
        warnAboutUnusedNamespaces(err, key, stored);
        // The check above reads; only the insert decides, so two commands creating one id cannot both succeed.
        if (!insert(store, key, err)) {
            return Main.REFUSED;
        }
        out.println("id: " + key.id());
        out.println("company: " + key.company());
        out.println("prefix: " + token.prefix());
        out.println("This token is shown only once; only its SHA-256 is stored, so keep it now:");
        out.println(token.token());
        catalog.tellServers(err, "accept it");
        return Main.OK;
    }

    /** Stores the new key unless its id was taken meanwhile; says why not on {@code err}. */
    private static boolean insert(CatalogStore store, ApiKey key, PrintWriter err) {
        boolean inserted;
        try {
            inserted = store.insertKey(key);
        } catch (IllegalArgumentException e) {
            err.println("Refused: " + e.getMessage() + ".");
            return false;
        }
        if (!inserted) {
            err.println("Refused: API key '" + key.id() + "' already exists (another command created it just now);"
                    + " choose another --id, or give it a new token with: keys rotate " + key.id());
        }
        return inserted;
    }

    private Optional<Instant> expiry() {
        if (expiresIn == null) {
            return Optional.empty();
        }
        if (expiresIn.isZero()) {
            throw new ParameterException(spec.commandLine(), "--expires-in must be longer than zero");
        }
        return Optional.of(Instant.now().plus(expiresIn));
    }

    private Optional<RateLimit> rateLimit() {
        if (perMinute == null) {
            if (burst != null) {
                throw new ParameterException(spec.commandLine(), "--burst needs --rate-limit");
            }
            return Optional.empty();
        }
        if (burst != null && burst < 1) {
            throw new ParameterException(spec.commandLine(), "--burst must be at least 1, got " + burst);
        }
        return Optional.of(new RateLimit(perMinute, burst == null ? perMinute : burst));
    }

    private <T> T parse(String option, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** The company's id (shortened to fit) and random letters and digits, unused in {@code stored}. */
    private static String generatedId(CompanyId company, CatalogSnapshot stored) {
        String base = company.value().substring(0, Math.min(company.value().length(),
                Names.MAX_KEBAB_LENGTH - ID_SUFFIX_LENGTH - 1)).replaceAll("-+$", "");
        while (true) {
            StringBuilder candidate = new StringBuilder(base).append('-');
            for (int i = 0; i < ID_SUFFIX_LENGTH; i++) {
                candidate.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
            }
            String id = candidate.toString();
            if (stored.apiKeys().stream().noneMatch(key -> key.id().equals(id))) {
                return id;
            }
        }
    }

    /** A pin typed as a number or boolean that the rules refused was most likely meant as text. */
    private void quotingHints(PrintWriter err, List<CatalogProblem> problems) {
        problems.stream().map(CatalogProblem::field).filter(field -> field.startsWith(PINS)).distinct()
                .map(field -> field.substring(PINS.length()))
                .filter(name -> shareContext.pin(name).filter(pin -> pin instanceof BigDecimal || pin instanceof Boolean).isPresent())
                .forEach(name -> err.println("  Values are typed as in a catalog file; to pin " + name + " as text,"
                        + " quote it: " + name + "='\"" + ShareContextOption.format(shareContext.pin(name).orElseThrow())
                        + "\"'"));
    }

    /** A scope naming no namespace of the company's endpoints is allowed (endpoints may come later), but worth a word. */
    private static void warnAboutUnusedNamespaces(PrintWriter err, ApiKey key, CatalogSnapshot stored) {
        Set<String> known = stored.endpoints().stream().filter(endpoint -> endpoint.company().equals(key.company()))
                .map(endpoint -> endpoint.ref().namespace()).collect(Collectors.toSet());
        List<String> unknown = key.namespaces().stream().filter(namespace -> !known.contains(namespace)).toList();
        if (!unknown.isEmpty()) {
            err.println("Note: company " + key.company() + " has no endpoint in namespace(s) " + String.join(", ", unknown)
                    + " yet.");
        }
    }
}
