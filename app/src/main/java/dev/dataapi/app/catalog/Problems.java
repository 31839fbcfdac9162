package dev.dataapi.app.catalog;

import dev.dataapi.core.CatalogProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one catalog file, in file order, so that none hides another. */
final class Problems {
    private final List<CatalogProblem> problems = new ArrayList<>();

    void add(String entry, String field, String message) {
        problems.add(new CatalogProblem(entry, field, message));
    }

    void addAll(List<CatalogProblem> more) {
        problems.addAll(more);
    }

    int count() {
        return problems.size();
    }

    List<CatalogProblem> all() {
        return List.copyOf(problems);
    }
}
