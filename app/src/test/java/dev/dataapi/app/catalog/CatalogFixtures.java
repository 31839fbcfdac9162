package dev.dataapi.app.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.core.CatalogProblem;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** The YAML fixtures under {@code src/test/resources/catalog} and shortcuts for reading them. */
final class CatalogFixtures {

    private CatalogFixtures() {
    }

    static String text(String name) {
        try (InputStream in = Objects.requireNonNull(CatalogFixtures.class.getResourceAsStream("/catalog/" + name), name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String name) {
        try {
            return Path.of(Objects.requireNonNull(CatalogFixtures.class.getResource("/catalog/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The snapshot of a file that must be valid; fails listing the problems otherwise. */
    static CatalogSnapshot valid(CatalogFileResult result) {
        if (result instanceof CatalogFileResult.Invalid) {
            throw new AssertionError("expected a valid catalog, got " + ((CatalogFileResult.Invalid) result).problems());
        }
        return ((CatalogFileResult.Valid) result).snapshot();
    }

    /** The problems of a file that must be invalid. */
    static List<CatalogProblem> problems(String yaml) {
        CatalogFileResult result = CatalogFile.read(yaml);
        assertThat(result).as("result of reading%n%s", yaml).isInstanceOf(CatalogFileResult.Invalid.class);
        return ((CatalogFileResult.Invalid) result).problems();
    }
}
