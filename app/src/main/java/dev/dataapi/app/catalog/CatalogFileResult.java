package dev.dataapi.app.catalog;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.util.List;
import java.util.Objects;

/** What reading a catalog file gave: the whole catalog it describes, or every problem in it. */
public sealed interface CatalogFileResult {

    /** The file is valid; {@code snapshot} holds every entry in file order. */
    record Valid(CatalogSnapshot snapshot) implements CatalogFileResult {
        public Valid {
            Objects.requireNonNull(snapshot, "'snapshot' is required");
        }
    }

    /** The file is refused as a whole; {@code problems} lists all of them, in file order. */
    record Invalid(List<CatalogProblem> problems) implements CatalogFileResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("'problems' must not be empty: a file without problems is valid");
            }
        }
    }
}
