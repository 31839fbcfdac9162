package dev.dataapi.examples.embedded;

import dev.dataapi.core.ApiToken;
import dev.dataapi.ports.ApiKey;
import dev.dataapi.ports.Company;
import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import dev.dataapi.ports.ExecutionMode;
import dev.dataapi.ports.ParameterSpec;
import dev.dataapi.ports.ParameterType;
import dev.dataapi.ports.Permission;
import dev.dataapi.ports.ScalarType;
import dev.dataapi.ports.ShareContext;
import dev.dataapi.ports.out.CatalogSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The example's catalog, built in code: company {@code acme}, one sync endpoint
 * {@code sales/by-region} with a required {@code regions} list and an optional {@code since} date,
 * and one key allowed to execute it. Only the token's hash is kept, as in any catalog.
 */
final class ExampleCatalog {
    static final CompanyId ACME = new CompanyId("acme");
    static final String KEY_ID = "acme-example";
    static final List<String> REGIONS = List.of("Norte", "Nordeste", "Centro-Oeste", "Sudeste", "Sul");

    private ExampleCatalog() {
    }

    /** The catalog, with {@code token} authenticating its only key. */
    static CatalogSnapshot with(ApiToken token) {
        Company acme = new Company(ACME, "Acme Ltd", Optional.empty());
        Endpoint byRegion = new Endpoint(ACME, new EndpointRef("sales", "by-region"), true, ExecutionMode.SYNC,
                "SELECT region, month, total FROM sales WHERE region = ANY(:regions) AND month >= :since ORDER BY month",
                List.of(ParameterSpec.builder("regions", ParameterType.listOf(ScalarType.STRING))
                                .required(true).allowedValues(REGIONS).maxItems(REGIONS.size()).build(),
                        ParameterSpec.builder("since", ParameterType.scalar(ScalarType.DATE))
                                .defaultValue("2025-01-01").build()),
                100, Duration.ofSeconds(10), List.of());
        ApiKey key = new ApiKey(KEY_ID, ACME, token.sha256(), Optional.of(token.prefix()), Set.of(Permission.EXECUTE),
                ShareContext.none(), Set.of(), Optional.empty(), Optional.empty(), false, Optional.empty());
        return new CatalogSnapshot(List.of(acme), List.of(byRegion), List.of(key));
    }
}
