package dev.dataapi.ports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A credential a company gives a consumer. Only the SHA-256 of the token is ever stored, with a
 * short display prefix so that people can tell keys apart; the token itself is shown once when the
 * key is created or rotated.
 *
 * @param id            stable id, kebab-case, used in logs and the CLI (never the token)
 * @param company       the company whose endpoints the key can reach
 * @param tokenSha256   lower-case hex SHA-256 of the bearer token
 * @param tokenPrefix   the token's first characters, for display; absent for keys imported by hash
 * @param permissions   what the key may do
 * @param shareContext  values the key pins for every endpoint it runs
 * @param namespaces    the namespaces the key may reach; empty means all of its company's
 * @param rateLimit     the key's own request rate limit; absent means the service's default
 * @param expiresAt     after this instant the key no longer authenticates, when set
 * @param revoked       a revoked key never authenticates, with any of its tokens
 * @param previousToken the token a rotation replaced, still accepted for a while
 */
public record ApiKey(String id, CompanyId company, String tokenSha256, Optional<String> tokenPrefix,
                     Set<Permission> permissions, ShareContext shareContext, Set<String> namespaces,
                     Optional<RateLimit> rateLimit, Optional<Instant> expiresAt, boolean revoked,
                     Optional<RetiringToken> previousToken) {

    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z0-9_]{1,16}$");

    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param id            stable id, kebab-case, used in logs and the CLI (never the token)
     * @param company       the company whose endpoints the key can reach
     * @param tokenSha256   lower-case hex SHA-256 of the bearer token
     * @param tokenPrefix   the token's first characters, for display; absent for keys imported by hash
     * @param permissions   what the key may do
     * @param shareContext  values the key pins for every endpoint it runs
     * @param namespaces    the namespaces the key may reach; empty means all of its company's
     * @param rateLimit     the key's own request rate limit; absent means the service's default
     * @param expiresAt     after this instant the key no longer authenticates, when set
     * @param revoked       a revoked key never authenticates, with any of its tokens
     * @param previousToken the token a rotation replaced, still accepted for a while
     */
    public ApiKey {
        Names.requireKebabCase("id", id);
        Objects.requireNonNull(company, "api key '" + id + "': 'company' is required");
        if (tokenSha256 == null || !SHA256_HEX.matcher(tokenSha256).matches()) {
            throw new IllegalArgumentException("api key '" + id + "': 'token_sha256' must be 64 lower-case hex characters");
        }
        tokenPrefix = Objects.requireNonNullElse(tokenPrefix, Optional.empty());
        tokenPrefix.ifPresent(prefix -> {
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("api key '" + id
                        + "': 'token_prefix' must be 1 to 16 letters, digits or underscores");
            }
        });
        Set<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(Objects.requireNonNullElse(permissions, Set.of()));
        permissions = Collections.unmodifiableSet(copy);
        shareContext = Objects.requireNonNullElse(shareContext, ShareContext.none());
        Set<String> scope = new TreeSet<>();
        for (String namespace : Objects.requireNonNullElse(namespaces, Set.<String>of())) {
            scope.add(Names.requireKebabCase("namespaces", namespace));
        }
        namespaces = Collections.unmodifiableSet(scope);
        rateLimit = Objects.requireNonNullElse(rateLimit, Optional.empty());
        expiresAt = Objects.requireNonNullElse(expiresAt, Optional.empty());
        previousToken = Objects.requireNonNullElse(previousToken, Optional.empty());
        if (previousToken.isPresent() && previousToken.get().tokenSha256().equals(tokenSha256)) {
            throw new IllegalArgumentException("api key '" + id + "': the previous token must differ from the current one");
        }
    }

    /**
     * A key without display prefix, namespace scope, own rate limit or previous token.
     *
     * @param id           stable id, kebab-case
     * @param company      the company whose endpoints the key can reach
     * @param tokenSha256  lower-case hex SHA-256 of the bearer token
     * @param permissions  what the key may do
     * @param shareContext values the key pins for every endpoint it runs
     * @param expiresAt    after this instant the key no longer authenticates, when set
     * @param revoked      a revoked key never authenticates
     */
    public ApiKey(String id, CompanyId company, String tokenSha256, Set<Permission> permissions,
                  ShareContext shareContext, Optional<Instant> expiresAt, boolean revoked) {
        this(id, company, tokenSha256, Optional.empty(), permissions, shareContext, Set.of(), Optional.empty(),
                expiresAt, revoked, Optional.empty());
    }

    /**
     * True when the key can authenticate at {@code now}: not revoked and not expired.
     *
     * @param now the time of the request
     * @return whether the key may be used at all
     */
    public boolean isUsableAt(Instant now) {
        return !revoked && expiresAt.map(now::isBefore).orElse(true);
    }

    /**
     * True when a token hashing to {@code presentedSha256} authenticates this key at {@code now}: the
     * current token while the key is usable, the previous one also only until its overlap ends.
     * Compared in constant time.
     *
     * @param presentedSha256 lower-case hex SHA-256 of the token the caller presented
     * @param now             the time of the request
     * @return whether the caller is this key
     */
    public boolean authenticates(String presentedSha256, Instant now) {
        if (presentedSha256 == null || !isUsableAt(now)) {
            return false;
        }
        if (sameHash(tokenSha256, presentedSha256)) {
            return true;
        }
        return previousToken.filter(previous -> sameHash(previous.tokenSha256(), presentedSha256))
                .map(previous -> previous.isUsableAt(now))
                .orElse(false);
    }

    /**
     * True when the key holds {@code permission}.
     *
     * @param permission the permission a use case needs
     * @return whether the key holds it
     */
    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * True when the key's scope includes {@code namespace}: no scope, or a scope naming it.
     *
     * @param namespace the namespace of the requested endpoint
     * @return whether the key may reach endpoints there
     */
    public boolean reaches(String namespace) {
        return namespaces.isEmpty() || namespaces.contains(namespace);
    }

    /**
     * This key, revoked.
     *
     * @return a copy that never authenticates
     */
    public ApiKey asRevoked() {
        return new ApiKey(id, company, tokenSha256, tokenPrefix, permissions, shareContext, namespaces, rateLimit,
                expiresAt, true, previousToken);
    }

    /**
     * This key with a new current token; {@code previous} is what still authenticates for a while, if anything.
     *
     * @param newSha256 lower-case hex SHA-256 of the new token
     * @param newPrefix the new token's display prefix, when known
     * @param previous  the replaced token and until when it still authenticates, if at all
     * @return the rotated key
     */
    public ApiKey withToken(String newSha256, Optional<String> newPrefix, Optional<RetiringToken> previous) {
        return new ApiKey(id, company, newSha256, newPrefix, permissions, shareContext, namespaces, rateLimit,
                expiresAt, revoked, previous);
    }

    /**
     * The key to store when this key is applied over {@code stored} (same id), under the rules of
     * {@link dev.dataapi.ports.out.CatalogStore#apply}: a revocation is never undone; a stored token
     * managed by the command line (created or rotated there) stays, as does a stored rotation when
     * this key's token is the stored key's previous token (written before the rotation); a key with
     * the stored current token that names no previous token (or no prefix) keeps the stored one.
     * Everything else comes from this key. A key moved to another company never takes a stored
     * token along that this key does not name: that token was handed to the first company's
     * consumer.
     *
     * @param stored             the key stored under the same id
     * @param storedTokenManaged true when the stored key's token was created or rotated by the
     *                           command line rather than written by a catalog file
     * @return the key to store
     * @throws IllegalArgumentException when the ids differ
     */
    public ApiKey appliedOver(ApiKey stored, boolean storedTokenManaged) {
        if (!stored.id().equals(id)) {
            throw new IllegalArgumentException("api key '" + id + "' cannot be applied over api key '" + stored.id() + "'");
        }
        boolean keepStoredToken = stored.company().equals(company) && (storedTokenManaged || stored.previousToken()
                .map(previous -> previous.tokenSha256().equals(tokenSha256)).orElse(false));
        boolean sameToken = stored.tokenSha256().equals(tokenSha256);
        String token = keepStoredToken ? stored.tokenSha256() : tokenSha256;
        Optional<String> prefix = keepStoredToken || (sameToken && tokenPrefix.isEmpty())
                ? stored.tokenPrefix() : tokenPrefix;
        Optional<RetiringToken> previous = keepStoredToken || (sameToken && previousToken.isEmpty())
                ? stored.previousToken() : previousToken;
        return new ApiKey(id, company, token, prefix, permissions, shareContext, namespaces, rateLimit, expiresAt,
                revoked || stored.revoked(), previous);
    }

    /** Never prints the hashes. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", company=" + company + ", tokenPrefix=" + tokenPrefix.orElse("-")
                + ", permissions=" + permissions + ", namespaces=" + namespaces + ", revoked=" + revoked + "]";
    }

    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }
}
