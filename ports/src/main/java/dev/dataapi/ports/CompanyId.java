package dev.dataapi.ports;

/**
 * Identifies a tenant. Every endpoint, API key and job belongs to exactly one company, and nothing
 * one company owns is ever visible to another company's keys.
 *
 * @param value kebab-case, at most 64 characters
 */
public record CompanyId(String value) {
    /**
     * Checks every component; an invalid one is refused with an exception naming it.
     *
     * @param value kebab-case, at most 64 characters
     */
    public CompanyId {
        Names.requireKebabCase("company", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
