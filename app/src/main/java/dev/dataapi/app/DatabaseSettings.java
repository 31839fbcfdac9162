package dev.dataapi.app;

import java.util.Objects;

/**
 * Where a PostgreSQL is and how to log in. The password is never printed.
 *
 * @param jdbcUrl  e.g. {@code jdbc:postgresql://db:5432/analytics}
 * @param user     may be empty when the URL carries it
 * @param password may be empty
 */
record DatabaseSettings(String jdbcUrl, String user, String password) {
    DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("a database URL must start with 'jdbc:postgresql:', got '" + redact(jdbcUrl) + "'");
        }
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + redact(jdbcUrl) + ", user=" + user + "]";
    }

    /** The URL without a password query parameter, for messages and logs. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
