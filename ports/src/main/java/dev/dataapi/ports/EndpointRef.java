package dev.dataapi.ports;

/**
 * The address of an endpoint inside its company: {@code /api/v1/data-api/{namespace}/{slug}}.
 *
 * @param namespace kebab-case, at most 64 characters
 * @param slug      kebab-case, at most 64 characters
 */
public record EndpointRef(String namespace, String slug) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param namespace kebab-case, at most 64 characters
     * @param slug      kebab-case, at most 64 characters
     */
    public EndpointRef {
        Names.requireKebabCase("namespace", namespace);
        Names.requireKebabCase("slug", slug);
    }

    @Override
    public String toString() {
        return namespace + "/" + slug;
    }
}
