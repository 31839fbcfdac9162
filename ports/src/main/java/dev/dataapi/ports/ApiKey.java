package dev.dataapi.ports;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A credential a company gives a consumer. Only the SHA-256 of the token is ever stored; the
 * token itself is shown once when the key is created.
 *
 * @param id           stable id, kebab-case, used in logs and the CLI (never the token)
 * @param company      the company whose endpoints the key can reach
 * @param tokenSha256  lower-case hex SHA-256 of the bearer token
 * @param permissions  what the key may do
 * @param shareContext values the key pins for every endpoint it runs
 * @param expiresAt    after this instant the key no longer authenticates, when set
 * @param revoked      a revoked key never authenticates
 */
public record ApiKey(String id, CompanyId company, String tokenSha256, Set<Permission> permissions,
                     ShareContext shareContext, Optional<Instant> expiresAt, boolean revoked) {

    private static final Pattern SHA256_HEX = Pattern.compile("^[0-9a-f]{64}$");

    public ApiKey {
        Names.requireKebabCase("id", id);
        Objects.requireNonNull(company, "api key '" + id + "': 'company' is required");
        if (tokenSha256 == null || !SHA256_HEX.matcher(tokenSha256).matches()) {
            throw new IllegalArgumentException("api key '" + id + "': 'token_sha256' must be 64 lower-case hex characters");
        }
        Set<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(Objects.requireNonNullElse(permissions, Set.of()));
        permissions = Collections.unmodifiableSet(copy);
        shareContext = Objects.requireNonNullElse(shareContext, ShareContext.none());
        expiresAt = Objects.requireNonNullElse(expiresAt, Optional.empty());
    }

    /** True when the key can authenticate at {@code now}: not revoked and not expired. */
    public boolean isUsableAt(Instant now) {
        return !revoked && expiresAt.map(now::isBefore).orElse(true);
    }

    /** True when the key holds {@code permission}. */
    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }
}
