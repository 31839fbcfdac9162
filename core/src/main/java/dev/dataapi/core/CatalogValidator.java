package dev.dataapi.core;

import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.in.ParameterProblem;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog rules that no single record can check on its own: uniqueness across entries,
 * references between them, and that defaults and share-context pins are values their parameters
 * accept. A catalog with problems is refused as a whole, so every problem is reported at once.
 */
public final class CatalogValidator {

    /**
     * Every problem of {@code snapshot} taken as the whole catalog.
     *
     * @param snapshot a whole catalog
     * @return every problem found; empty when the catalog may be stored
     */
    public List<CatalogProblem> validate(CatalogSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "'snapshot' is required");
        List<CatalogProblem> problems = new ArrayList<>();
        duplicateEntries(snapshot, problems);
        crossEntryRules(snapshot, problems);
        return problems;
    }

    /**
     * Every problem of applying {@code changes} over {@code stored}: duplicates within the changes,
     * and the other rules on the catalog the apply would produce (entries matched by natural key
     * replace stored ones), so a change may refer to a company that is already stored.
     *
     * @param changes the entries to create or replace
     * @param stored  the catalog as stored now
     * @return every problem found; empty when the changes may be applied
     */
    public List<CatalogProblem> validateChanges(CatalogSnapshot changes, CatalogSnapshot stored) {
        Objects.requireNonNull(changes, "'changes' is required");
        Objects.requireNonNull(stored, "'stored' is required");
        List<CatalogProblem> problems = new ArrayList<>();
        duplicateEntries(changes, problems);
        crossEntryRules(upsert(stored, changes), problems);
        return problems;
    }

    private static void duplicateEntries(CatalogSnapshot snapshot, List<CatalogProblem> problems) {
        Set<CompanyId> companies = new HashSet<>();
        for (Company company : snapshot.companies()) {
            if (!companies.add(company.id())) {
                problems.add(new CatalogProblem(entry(company), "id", "company '" + company.id() + "' is declared more than once"));
            }
        }
        Set<List<Object>> endpoints = new HashSet<>();
        for (Endpoint endpoint : snapshot.endpoints()) {
            if (!endpoints.add(List.of(endpoint.company(), endpoint.ref()))) {
                problems.add(new CatalogProblem(entry(endpoint), "slug",
                        "endpoint '" + endpoint.ref() + "' of company '" + endpoint.company() + "' is declared more than once"));
            }
        }
        Set<String> keys = new HashSet<>();
        for (ApiKey key : snapshot.apiKeys()) {
            if (!keys.add(key.id())) {
                problems.add(new CatalogProblem(entry(key), "id", "api key '" + key.id() + "' is declared more than once"));
            }
        }
    }

    private static void crossEntryRules(CatalogSnapshot catalog, List<CatalogProblem> problems) {
        Set<CompanyId> companies = new HashSet<>();
        catalog.companies().forEach(company -> companies.add(company.id()));
        for (Endpoint endpoint : catalog.endpoints()) {
            if (!companies.contains(endpoint.company())) {
                problems.add(unknownCompany(entry(endpoint), endpoint.company()));
            }
            defaults(endpoint, problems);
        }
        Map<String, String> keyIdByHash = new HashMap<>();
        for (ApiKey key : catalog.apiKeys()) {
            if (!companies.contains(key.company())) {
                problems.add(unknownCompany(entry(key), key.company()));
            }
            String other = keyIdByHash.putIfAbsent(key.tokenSha256(), key.id());
            if (other != null && !other.equals(key.id())) {
                problems.add(new CatalogProblem(entry(key), "token_sha256",
                        "the same token hash as api key '" + other + "': a token must identify one key"));
            }
            pins(key, catalog.endpoints(), problems);
        }
    }

    private static void defaults(Endpoint endpoint, List<CatalogProblem> problems) {
        List<ParameterSpec> parameters = endpoint.parameters();
        for (int index = 0; index < parameters.size(); index++) {
            ParameterSpec spec = parameters.get(index);
            if (spec.defaultValue().isEmpty()) {
                continue;
            }
            CappedProblems broken = CappedProblems.unlimited();
            Constraints.check(spec, spec.defaultValue().get(), broken);
            for (ParameterProblem problem : broken.listed()) {
                problems.add(new CatalogProblem(entry(endpoint), "parameters[" + index + "].default",
                        "the default breaks a constraint: " + problem.message()));
            }
        }
    }

    /**
     * A pin must be usable by every endpoint of the key's company that declares the pinned parameter,
     * and at least one must declare it: a misspelt pin would otherwise leave the key unrestricted.
     * A revoked key is spared that last rule, so revoking a key never waits on fixing its pins.
     */
    private static void pins(ApiKey key, List<Endpoint> endpoints, List<CatalogProblem> problems) {
        for (Map.Entry<String, Object> pin : key.shareContext().pins().entrySet()) {
            String field = "share_context." + pin.getKey();
            boolean declaredAnywhere = false;
            for (Endpoint endpoint : endpoints) {
                Optional<ParameterSpec> declared = endpoint.company().equals(key.company())
                        ? endpoint.parameter(pin.getKey()) : Optional.empty();
                if (declared.isEmpty()) {
                    continue;
                }
                declaredAnywhere = true;
                ParameterSpec spec = declared.get();
                Optional<PinnedValues> typed = PinnedValues.of(spec, pin.getValue());
                if (typed.isEmpty()) {
                    problems.add(new CatalogProblem(entry(key), field, "does not fit parameter '" + spec.name()
                            + "' of " + entry(endpoint) + ": each pinned value must be " + spec.type().element().expectation()));
                    continue;
                }
                CappedProblems broken = CappedProblems.unlimited();
                for (Object value : typed.get().values()) {
                    Constraints.checkElement(spec, value, Constraints.WHOLE_VALUE, broken);
                }
                for (ParameterProblem problem : broken.listed()) {
                    problems.add(new CatalogProblem(entry(key), field,
                            "breaks a constraint of " + entry(endpoint) + ": " + problem.message()));
                }
            }
            if (!declaredAnywhere && !key.revoked()) {
                problems.add(new CatalogProblem(entry(key), field, "'" + pin.getKey() + "' is not a parameter of any endpoint"
                        + " of company " + key.company() + "; a pin that matches nothing restricts nothing"));
            }
        }
    }

    private static CatalogSnapshot upsert(CatalogSnapshot stored, CatalogSnapshot changes) {
        Map<CompanyId, Company> companies = new LinkedHashMap<>();
        stored.companies().forEach(company -> companies.put(company.id(), company));
        changes.companies().forEach(company -> companies.put(company.id(), company));
        Map<List<Object>, Endpoint> endpoints = new LinkedHashMap<>();
        stored.endpoints().forEach(endpoint -> endpoints.put(List.of(endpoint.company(), endpoint.ref()), endpoint));
        changes.endpoints().forEach(endpoint -> endpoints.put(List.of(endpoint.company(), endpoint.ref()), endpoint));
        Map<String, ApiKey> keys = new LinkedHashMap<>();
        stored.apiKeys().forEach(key -> keys.put(key.id(), key));
        changes.apiKeys().forEach(key -> keys.put(key.id(), key));
        return new CatalogSnapshot(List.copyOf(companies.values()), List.copyOf(endpoints.values()), List.copyOf(keys.values()));
    }

    private static CatalogProblem unknownCompany(String entry, CompanyId company) {
        return new CatalogProblem(entry, "company", "company '" + company + "' is not declared");
    }

    private static String entry(Company company) {
        return "company " + company.id();
    }

    private static String entry(Endpoint endpoint) {
        EndpointRef ref = endpoint.ref();
        return "endpoint " + endpoint.company() + "/" + ref.namespace() + "/" + ref.slug();
    }

    private static String entry(ApiKey key) {
        return "api_key " + key.id();
    }
}
