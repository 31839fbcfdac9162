package dev.dataapi.ports.out;

import dev.dataapi.ports.CompanyId;
import dev.dataapi.ports.Endpoint;
import dev.dataapi.ports.EndpointRef;
import java.util.Optional;

/**
 * Finds endpoints. Implementations are thread-safe and fast (they are called on every request),
 * typically by serving an in-memory snapshot.
 */
public interface EndpointCatalog {

    /**
     * The company's endpoint at that address, active or not.
     *
     * @param company the caller's company: endpoints of other companies are never returned
     * @param ref     namespace and slug
     * @return the endpoint, or empty
     */
    Optional<Endpoint> findEndpoint(CompanyId company, EndpointRef ref);
}
