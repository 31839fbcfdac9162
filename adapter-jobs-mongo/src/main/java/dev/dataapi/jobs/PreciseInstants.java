package dev.dataapi.jobs;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.conversions.Bson;

/**
 * Instants kept to the nanosecond. A BSON date holds milliseconds only, yet a job must read back
 * exactly as it was stored and a lease must lapse exactly at its instant; so each instant is a
 * date (what indexes, the TTL monitor and people read) plus a {@code <field>_ns} companion with
 * the nanoseconds inside that millisecond, and comparisons look at both.
 */
final class PreciseInstants {
    private static final int NANOS_PER_MILLI = 1_000_000;

    private PreciseInstants() {
    }

    static String nanosField(String field) {
        return field + "_ns";
    }

    static void put(BsonDocument document, String field, Instant instant) {
        document.put(field, new BsonDateTime(instant.toEpochMilli()));
        document.put(nanosField(field), new BsonInt32(instant.getNano() % NANOS_PER_MILLI));
    }

    static Optional<Instant> get(BsonDocument document, String field) {
        if (!document.containsKey(field) || document.isNull(field)) {
            return Optional.empty();
        }
        long millis = document.getDateTime(field).getValue();
        int nanos = document.getInt32(nanosField(field), new BsonInt32(0)).getValue();
        return Optional.of(Instant.ofEpochMilli(millis).plusNanos(nanos));
    }

    static Instant require(BsonDocument document, String field) {
        return get(document, field).orElseThrow(() -> new IllegalArgumentException("'" + field + "' is missing"));
    }

    /** An update setting {@code field} to {@code instant}. */
    static Bson set(String field, Instant instant) {
        return Updates.combine(Updates.set(field, new BsonDateTime(instant.toEpochMilli())),
                Updates.set(nanosField(field), instant.getNano() % NANOS_PER_MILLI));
    }

    /** An update removing {@code field}. */
    static Bson unset(String field) {
        return Updates.combine(Updates.unset(field), Updates.unset(nanosField(field)));
    }

    /** Matches documents whose {@code field} is at or before {@code instant}. */
    static Bson atOrBefore(String field, Instant instant) {
        BsonDateTime millis = new BsonDateTime(instant.toEpochMilli());
        return Filters.or(Filters.lt(field, millis),
                Filters.and(Filters.eq(field, millis), Filters.lte(nanosField(field), instant.getNano() % NANOS_PER_MILLI)));
    }

    /**
     * Matches documents whose {@code field} is after {@code instant}. The date's lower bound stands
     * outside the {@code $or}, so an index on the date (and its companion) bounds the scan by it.
     */
    static Bson after(String field, Instant instant) {
        BsonDateTime millis = new BsonDateTime(instant.toEpochMilli());
        return Filters.and(Filters.gte(field, millis),
                Filters.or(Filters.gt(field, millis), Filters.gt(nanosField(field), instant.getNano() % NANOS_PER_MILLI)));
    }
}
