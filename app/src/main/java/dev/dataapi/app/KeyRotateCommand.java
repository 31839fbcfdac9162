package dev.dataapi.app;

import dev.dataapi.core.ApiToken;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.RetiringToken;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keys rotate ID}: a new token for the same key, the old one kept for a while. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Give an API key a new token and print it, once. The old token keeps working until the overlap"
                + " ends, so consumers can switch without an outage; a token kept from an earlier rotation stops at"
                + " once. Permissions, pins, scope, rate limit and expiry stay as they are.",
                "Output (stdout): the key's id, its new prefix, then the new token alone on the last line."},
        footerHeading = "%n", footer = {CatalogCommand.WHERE_THE_CATALOG_IS, CatalogCommand.EXIT_CODES})
final class KeyRotateCommand extends CommandOnCatalog {

    @Parameters(index = "0", paramLabel = "ID", description = "The key's id (see keys list).")
    String id;

    @Option(names = "--overlap", paramLabel = "DURATION", defaultValue = "24h", converter = DurationOption.class,
            description = "How long the old token keeps working: 30m, 12h, 7d; 0 ends it at once. Default: ${DEFAULT-VALUE}.")
    Duration overlap;

    @Override
    int run(CatalogConnection catalog, PrintWriter out, PrintWriter err) {
        Optional<ApiKey> found = KeysCommand.find(catalog.store().load(), id);
        if (found.isEmpty()) {
            err.println("Refused: there is no API key '" + id + "'.");
            return Main.REFUSED;
        }
        ApiKey key = found.get();
        if (key.revoked()) {
            err.println("Refused: API key " + id + " is revoked, and stays so with any token; create a new key instead.");
            return Main.REFUSED;
        }
        Instant now = Instant.now();
        if (key.expiresAt().filter(expiry -> !expiry.isAfter(now)).isPresent()) {
            // A new token would be printed as if it worked, yet the key refuses every token past its expiry.
            err.println("Refused: API key " + id + " expired at " + key.expiresAt().get().truncatedTo(ChronoUnit.SECONDS)
                    + "; a new token would not work either. Create a new key, or give this one a later expires_at"
                    + " in the catalog file.");
            return Main.REFUSED;
        }
        Optional<RetiringToken> previous = overlap.isZero() ? Optional.empty()
                : Optional.of(new RetiringToken(key.tokenSha256(), key.tokenPrefix(), now.plus(overlap)));
        ApiToken token = ApiToken.generate();
        // Written only over the token read above: of two rotations, or a rotation and a revocation, one loses.
        if (!catalog.store().rotateToken(key.id(), key.tokenSha256(), token.sha256(), Optional.of(token.prefix()),
                previous)) {
            err.println("Refused: API key " + id + " changed or was revoked while this command ran (another rotation"
                    + " or a revocation); nothing was written. Run the command again.");
            return Main.REFUSED;
        }
        out.println("id: " + key.id());
        out.println("company: " + key.company());
        out.println("prefix: " + token.prefix());
        String old = "the old token (prefix " + key.tokenPrefix().orElse("unknown") + ")";
        out.println(previous.map(kept -> "Until " + kept.until().truncatedTo(ChronoUnit.SECONDS) + " " + old + " keeps working too.")
                .orElse("From now on " + old + " no longer works."));
        key.previousToken().filter(earlier -> earlier.isUsableAt(now)).ifPresent(earlier -> out.println(
                "The token kept from the earlier rotation (prefix " + earlier.tokenPrefix().orElse("unknown")
                        + ") no longer works."));
        out.println("This token is shown only once; only its SHA-256 is stored, so keep it now:");
        out.println(token.token());
        catalog.tellServers(err, "accept it");
        return Main.OK;
    }
}
