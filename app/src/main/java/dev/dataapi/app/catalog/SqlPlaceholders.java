package dev.dataapi.app.catalog;

import dev.dataapi.sql.CompiledSql;
import dev.dataapi.sql.NamedParameterSql;
import dev.dataapi.sql.SqlTemplateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Checks an endpoint's SQL when the catalog is loaded rather than when a consumer first calls it:
 * it must be one complete statement, and every {@code :name} in it must be a declared parameter.
 * The placeholders are found by the same compiler that later prepares the statement, so the two
 * can never disagree about what is a placeholder.
 */
final class SqlPlaceholders {

    private SqlPlaceholders() {
    }

    /** What is wrong with {@code sql} given the declared parameter names; empty when nothing is. */
    static List<String> problems(String sql, Collection<String> declared) {
        CompiledSql compiled;
        try {
            compiled = NamedParameterSql.parse(sql);
        } catch (SqlTemplateException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        for (String name : compiled.parameterNames()) {
            if (!declared.contains(name)) {
                problems.add("':" + name + "' is not a declared parameter ("
                        + (declared.isEmpty() ? "no parameters are declared" : "declared: " + String.join(", ", declared)) + ")");
            }
        }
        return problems;
    }
}
