package dev.dataapi.app.catalog;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.core.CatalogValidator;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The declarative catalog file: companies, endpoints with their parameters, and API keys (by
 * token hash), in YAML. Reading never stops at the first problem: a file is either entirely valid
 * or refused with every problem it has, each naming its entry and field, e.g.
 * {@code endpoint acme/sales/by-region: parameters[1].type: type must be one of …, got 'strnig'}.
 *
 * <p>Problems about the file as a whole are reported under the entry {@code file}, with the line
 * (malformed YAML), the section or the position ({@code companies[2]}) as the field.
 */
public final class CatalogFile {
    static final String FILE = "file";
    private static final List<String> SECTIONS = List.of("companies", "endpoints", "api_keys");
    private static final CatalogValidator VALIDATOR = new CatalogValidator();

    private CatalogFile() {
    }

    /** Reads the catalog file at {@code file} (UTF-8), taken as the whole catalog. */
    public static CatalogFileResult read(Path file) {
        return readFile(file, Optional.empty(), false);
    }

    /** Reads catalog YAML text, taken as the whole catalog. An empty text is an empty, valid catalog. */
    public static CatalogFileResult read(String yaml) {
        return readText(yaml, Optional.empty(), false);
    }

    /**
     * Reads the catalog file at {@code file} as changes to apply over {@code stored}: its endpoints
     * and keys may belong to companies that are only stored, and the rules are checked on the
     * catalog the apply would produce.
     */
    public static CatalogFileResult read(Path file, CatalogSnapshot stored) {
        return readFile(file, Optional.of(Objects.requireNonNull(stored, "'stored' is required")), false);
    }

    /** Reads catalog YAML text as changes to apply over {@code stored}; see {@link #read(Path, CatalogSnapshot)}. */
    public static CatalogFileResult read(String yaml, CatalogSnapshot stored) {
        return readText(yaml, Optional.of(Objects.requireNonNull(stored, "'stored' is required")), false);
    }

    /**
     * Reads the catalog file at {@code file} as changes that will also prune: like
     * {@link #read(Path, CatalogSnapshot)}, except that the stored endpoints and API keys of the
     * companies the file lists take no part in the checks, since the apply deletes those the file
     * does not name and replaces the others.
     */
    public static CatalogFileResult readPruning(Path file, CatalogSnapshot stored) {
        return readFile(file, Optional.of(Objects.requireNonNull(stored, "'stored' is required")), true);
    }

    /** Reads catalog YAML text as changes that will also prune; see {@link #readPruning(Path, CatalogSnapshot)}. */
    public static CatalogFileResult readPruning(String yaml, CatalogSnapshot stored) {
        return readText(yaml, Optional.of(Objects.requireNonNull(stored, "'stored' is required")), true);
    }

    /** The catalog as YAML in this same format: {@code read(write(snapshot))} gives {@code snapshot} back. */
    public static String write(CatalogSnapshot snapshot) {
        return CatalogYamlWriter.write(Objects.requireNonNull(snapshot, "'snapshot' is required"));
    }

    private static CatalogFileResult readFile(Path file, Optional<CatalogSnapshot> stored, boolean pruning) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            return new CatalogFileResult.Invalid(List.of(new CatalogProblem(FILE, file.toString(),
                    "cannot be read: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))));
        }
        return readText(text, stored, pruning);
    }

    private static CatalogFileResult readText(String yaml, Optional<CatalogSnapshot> stored, boolean pruning) {
        YamlReader.Outcome outcome = YamlReader.read(Objects.requireNonNull(yaml, "'yaml' is required"));
        if (outcome instanceof YamlReader.Malformed) {
            YamlReader.Malformed malformed = (YamlReader.Malformed) outcome;
            return new CatalogFileResult.Invalid(List.of(new CatalogProblem(FILE, "line " + malformed.line(), malformed.message())));
        }
        Optional<YamlNode> root = ((YamlReader.Parsed) outcome).root();
        if (root.isEmpty()) {
            return new CatalogFileResult.Valid(CatalogSnapshot.empty());
        }
        Problems problems = new Problems();
        Optional<Fields> sections = Fields.ofEntry(root.get(), SECTIONS, problems, FILE, "line " + root.get().line());
        if (sections.isEmpty()) {
            return new CatalogFileResult.Invalid(problems.all());
        }
        List<Company> companies = new ArrayList<>();
        // Companies whose id is valid though the entry is not still count as declared for the
        // cross-entry checks, so their endpoints and keys are not also reported as orphans.
        List<Company> standIns = new ArrayList<>();
        List<YamlNode> companyNodes = sections.get().list("companies");
        for (int i = 0; i < companyNodes.size(); i++) {
            YamlNode node = companyNodes.get(i);
            Optional<Company> company = CompanyEntry.read(node, i, problems);
            company.ifPresent(companies::add);
            if (company.isEmpty()) {
                CompanyEntry.validId(node).ifPresent(id -> standIns.add(new Company(id, id.value(), Optional.empty())));
            }
        }
        List<Endpoint> endpoints = new ArrayList<>();
        List<YamlNode> endpointNodes = sections.get().list("endpoints");
        for (int i = 0; i < endpointNodes.size(); i++) {
            EndpointEntry.read(endpointNodes.get(i), i, problems).ifPresent(endpoints::add);
        }
        List<ApiKey> apiKeys = new ArrayList<>();
        List<YamlNode> keyNodes = sections.get().list("api_keys");
        for (int i = 0; i < keyNodes.size(); i++) {
            ApiKeyEntry.read(keyNodes.get(i), i, problems).ifPresent(apiKeys::add);
        }
        List<Company> checked = new ArrayList<>(companies);
        checked.addAll(standIns);
        Optional<CatalogSnapshot> base = pruning ? stored.map(all -> withoutEntriesOf(all, checked)) : stored;
        problems.addAll(crossEntryProblems(new CatalogSnapshot(checked, endpoints, apiKeys), base));
        return problems.count() == 0 ? new CatalogFileResult.Valid(new CatalogSnapshot(companies, endpoints, apiKeys))
                : new CatalogFileResult.Invalid(problems.all());
    }

    /** {@code stored} without the endpoints and API keys of {@code companies}. */
    private static CatalogSnapshot withoutEntriesOf(CatalogSnapshot stored, List<Company> companies) {
        Set<CompanyId> pruned = new HashSet<>();
        companies.forEach(company -> pruned.add(company.id()));
        return new CatalogSnapshot(stored.companies(),
                stored.endpoints().stream().filter(endpoint -> !pruned.contains(endpoint.company())).toList(),
                stored.apiKeys().stream().filter(key -> !pruned.contains(key.company())).toList());
    }

    /**
     * Duplicates, unknown companies, token hashes shared by keys, defaults against constraints, pins
     * against the parameters they pin.
     */
    private static List<CatalogProblem> crossEntryProblems(CatalogSnapshot snapshot, Optional<CatalogSnapshot> stored) {
        List<CatalogProblem> problems = new ArrayList<>(stored.isPresent()
                ? VALIDATOR.validateChanges(snapshot, stored.get()) : VALIDATOR.validate(snapshot));
        problems.addAll(PreviousTokens.problems(snapshot.apiKeys(), stored.map(CatalogSnapshot::apiKeys).orElse(List.of())));
        return problems;
    }
}
