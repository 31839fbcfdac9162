package dev.dataapi.app.catalog;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.Names;
import dev.dataapi.ports.ParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One item of {@code endpoints:}. Defaults: {@code active: true}, {@code max_rows: 10000},
 * {@code timeout_seconds} 60 for sync and 900 for async endpoints.
 */
final class EndpointEntry {
    static final List<String> FIELDS = List.of("company", "namespace", "slug", "active", "mode", "max_rows",
            "timeout_seconds", "require_share_context", "sql", "parameters");

    // Rules that span fields of the record (row limit, timeout per mode) are checked by building a
    // minimal endpoint that differs from a valid one in that field only, so each is reported on
    // its own even when other fields of the entry are broken.
    private static final CompanyId PROBE_COMPANY = new CompanyId("probe");
    private static final EndpointRef PROBE_REF = new EndpointRef("probe", "probe");
    private static final String PROBE_SQL = "SELECT 1";

    private EndpointEntry() {
    }

    /** How the entry is named in problems: {@code endpoint acme/sales/by-region}, or its position. */
    static String name(YamlNode node, int index) {
        Optional<String> company = Fields.peekText(node, "company");
        Optional<String> namespace = Fields.peekText(node, "namespace");
        Optional<String> slug = Fields.peekText(node, "slug");
        if (company.isEmpty() && namespace.isEmpty() && slug.isEmpty()) {
            return "endpoints[" + index + "]";
        }
        return "endpoint " + company.orElse("?") + "/" + namespace.orElse("?") + "/" + slug.orElse("?");
    }

    static Optional<Endpoint> read(YamlNode node, int index, Problems problems) {
        String entry = name(node, index);
        Optional<Fields> opened = Fields.ofEntry(node, FIELDS, problems, entry, "endpoints[" + index + "]");
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        Fields fields = opened.get();
        Optional<CompanyId> company = fields.requiredText("company")
                .flatMap(text -> fields.attempt("company", () -> new CompanyId(text)));
        Optional<String> namespace = fields.requiredText("namespace")
                .flatMap(text -> fields.attempt("namespace", () -> Names.requireKebabCase("namespace", text)));
        Optional<String> slug = fields.requiredText("slug")
                .flatMap(text -> fields.attempt("slug", () -> Names.requireKebabCase("slug", text)));
        boolean active = fields.bool("active", true);
        Optional<ExecutionMode> mode = fields.requiredText("mode")
                .flatMap(text -> fields.attempt("mode", () -> ExecutionMode.fromWire(text)));
        int maxRows = fields.integer("max_rows").orElse(Endpoint.MAX_ROWS_LIMIT);
        Optional<Integer> timeoutSeconds = fields.integer("timeout_seconds");
        Optional<String> sql = fields.requiredText("sql")
                .flatMap(text -> fields.attempt("sql", () -> Names.requireText("sql", text)));

        Set<String> declared = new LinkedHashSet<>();
        List<ParameterSpec> parameters = new ArrayList<>();
        List<YamlNode> parameterNodes = fields.list("parameters");
        for (int i = 0; i < parameterNodes.size(); i++) {
            Optional<String> name = ParameterEntry.declaredName(parameterNodes.get(i));
            if (name.isPresent() && !declared.add(name.get())) {
                fields.problem("parameters[" + i + "].name", "'" + name.get() + "' is declared twice");
            }
            ParameterEntry.read(parameterNodes.get(i), i, entry, problems).ifPresent(parameters::add);
        }
        List<String> requireShareContext = requireShareContext(fields, declared);
        sql.ifPresent(text -> SqlPlaceholders.problems(text, declared).forEach(message -> fields.problem("sql", message)));

        fields.attempt("max_rows", () -> new Endpoint(PROBE_COMPANY, PROBE_REF, true, ExecutionMode.SYNC, PROBE_SQL,
                List.of(), maxRows, Endpoint.DEFAULT_SYNC_TIMEOUT, List.of()));
        Optional<Duration> timeout = timeoutSeconds.<Duration>map(Duration::ofSeconds)
                .or(() -> mode.map(EndpointEntry::defaultTimeout));
        if (mode.isPresent() && timeoutSeconds.isPresent()) {
            fields.attempt("timeout_seconds", () -> new Endpoint(PROBE_COMPANY, PROBE_REF, true, mode.get(), PROBE_SQL,
                    List.of(), 1, timeout.get(), List.of()));
        }
        if (!fields.clean()) {
            return Optional.empty();
        }
        return fields.attempt(Fields.WHOLE_ENTRY, () -> new Endpoint(company.orElseThrow(), new EndpointRef(namespace.orElseThrow(),
                slug.orElseThrow()), active, mode.orElseThrow(), sql.orElseThrow(), parameters, maxRows,
                timeout.orElseThrow(), requireShareContext));
    }

    static Duration defaultTimeout(ExecutionMode mode) {
        return mode == ExecutionMode.SYNC ? Endpoint.DEFAULT_SYNC_TIMEOUT : Endpoint.DEFAULT_ASYNC_TIMEOUT;
    }

    private static List<String> requireShareContext(Fields fields, Set<String> declared) {
        List<String> names = new ArrayList<>();
        List<YamlNode> items = fields.list("require_share_context");
        for (int i = 0; i < items.size(); i++) {
            String key = "require_share_context[" + i + "]";
            fields.text(key, items.get(i)).ifPresent(name -> {
                if (declared.contains(name)) {
                    names.add(name);
                } else {
                    fields.problem(key, "'" + name + "' is not a declared parameter");
                }
            });
        }
        return names;
    }
}
