package dev.dataapi.sql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled SQL by SQL text, so each endpoint's SQL is compiled once. Bounded, least recently used
 * out first, because catalog edits keep producing new texts while the old ones are never asked
 * for again.
 */
final class CompiledSqlCache {
    private final Map<String, CompiledSql> entries;

    CompiledSqlCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("'capacity' must be at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledSql> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The compiled form of {@code sql}.
     *
     * @throws SqlTemplateException when {@code sql} cannot be compiled (not cached)
     */
    CompiledSql compile(String sql) {
        synchronized (entries) {
            CompiledSql cached = entries.get(sql);
            if (cached != null) {
                return cached;
            }
        }
        // Compiled outside the lock: two threads may compile the same text once each, which is harmless.
        CompiledSql compiled = NamedParameterSql.parse(sql);
        synchronized (entries) {
            entries.put(sql, compiled);
        }
        return compiled;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
