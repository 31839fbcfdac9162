package dev.dataapi.app.catalog;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.RetiringToken;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A token hash must name one key, whether as its current or its previous token: the server finds a
 * key by either, so a shared hash could authenticate as the wrong key. The catalog rules compare
 * current tokens; this adds the previous ones, so that such a file is refused with its entry and
 * field rather than by the database halfway through an apply.
 */
final class PreviousTokens {

    private PreviousTokens() {
    }

    /** The collisions involving a previous token once {@code changes} are applied over {@code stored}. */
    static List<CatalogProblem> problems(List<ApiKey> changes, List<ApiKey> stored) {
        Map<String, ApiKey> after = new LinkedHashMap<>();
        stored.forEach(key -> after.put(key.id(), key));
        changes.forEach(key -> after.put(key.id(), key));
        Map<String, String> currentOwner = new HashMap<>();
        Map<String, String> previousOwner = new HashMap<>();
        for (ApiKey key : after.values()) {
            currentOwner.putIfAbsent(key.tokenSha256(), key.id());
            key.previousToken().ifPresent(previous -> previousOwner.putIfAbsent(previous.tokenSha256(), key.id()));
        }
        List<CatalogProblem> problems = new ArrayList<>();
        for (ApiKey key : changes) {
            String entry = "api_key " + key.id();
            String other = previousOwner.get(key.tokenSha256());
            if (other != null && !other.equals(key.id())) {
                problems.add(shared(entry, "token_sha256", "the previous token of api key '" + other + "'"));
            }
            if (key.previousToken().isEmpty()) {
                continue;
            }
            RetiringToken previous = key.previousToken().get();
            String field = PreviousTokenEntry.FIELD + ".token_sha256";
            other = currentOwner.get(previous.tokenSha256());
            if (other != null && !other.equals(key.id())) {
                problems.add(shared(entry, field, "the current token of api key '" + other + "'"));
            }
            other = previousOwner.get(previous.tokenSha256());
            if (other != null && !other.equals(key.id())) {
                problems.add(shared(entry, field, "the previous token of api key '" + other + "'"));
            }
        }
        return problems;
    }

    private static CatalogProblem shared(String entry, String field, String owner) {
        return new CatalogProblem(entry, field, "the same token hash as " + owner + ": a token must identify one key");
    }
}
