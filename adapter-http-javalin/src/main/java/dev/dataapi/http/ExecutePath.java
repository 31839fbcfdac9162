package dev.dataapi.http;

import java.util.Objects;

/**
 * {@code POST /api/v1/data-api/{namespace}/{slug}/execute}, segments decoded but not validated.
 *
 * @param namespace the decoded namespace segment, possibly empty or invalid
 * @param slug      the decoded slug segment, possibly empty or invalid
 */
record ExecutePath(String namespace, String slug) implements ApiPath {

    static final String ACTION = "execute";
    static final String ALLOW = "POST";

    ExecutePath {
        Objects.requireNonNull(namespace, "'namespace' is required");
        Objects.requireNonNull(slug, "'slug' is required");
    }

    @Override
    public String allow() {
        return ALLOW;
    }
}
