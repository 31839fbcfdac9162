package dev.dataapi.sql;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How instants are stored in the catalog: to the microsecond, which is what a PostgreSQL
 * {@code timestamptz} keeps. Finer digits are dropped rather than left to the server, which would
 * round them (possibly up into the next second), so an instant is never stored later than given.
 */
final class Timestamps {

    private Timestamps() {
    }

    /** {@code instant} as the catalog stores it. */
    static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
