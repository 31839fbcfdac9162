package dev.dataapi.ports;

/**
 * Identifies a tenant. Every endpoint, API key and job belongs to exactly one company, and nothing
 * one company owns is ever visible to another company's keys.
 *
 * @param value kebab-case, at most 64 characters
 */
public record CompanyId(String value) {
    public CompanyId {
        Names.requireKebabCase("company", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
