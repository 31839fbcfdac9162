package dev.dataapi.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dataapi.ports.out.KeyUsageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Recording when keys were last used")
class KeyUsageRecorderTest {
    private static final Instant T1 = Instant.parse("2026-04-11T10:30:00Z");
    private static final Instant T2 = T1.plusSeconds(7);

    /** A store that keeps every batch and can be made to fail. */
    private static final class BatchStore implements KeyUsageStore {
        final List<Map<String, Instant>> batches = new ArrayList<>();
        boolean failing;

        @Override
        public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
            if (failing) {
                throw new IllegalStateException("the catalog database is unreachable");
            }
            batches.add(Map.copyOf(lastUsedByKeyId));
        }

        @Override
        public Map<String, Instant> lastUsed() {
            return Map.of();
        }
    }

    @Test
    @DisplayName("writes each key's latest use once per flush, and nothing when nothing happened")
    void batches() {
        BatchStore store = new BatchStore();
        KeyUsageRecorder recorder = new KeyUsageRecorder(store);
        recorder.record("a", T2);
        recorder.record("a", T1);
        recorder.record("b", T1);

        recorder.flush();
        recorder.flush();

        assertThat(store.batches).containsExactly(Map.of("a", T2, "b", T1));
    }

    @Test
    @DisplayName("loses no use recorded while a flush runs")
    void concurrentRecordsAndFlushes() throws Exception {
        Map<String, Instant> latest = new ConcurrentHashMap<>();
        KeyUsageRecorder recorder = new KeyUsageRecorder(new KeyUsageStore() {
            @Override
            public void recordLastUsed(Map<String, Instant> lastUsedByKeyId) {
                lastUsedByKeyId.forEach((id, at) -> latest.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
            }

            @Override
            public Map<String, Instant> lastUsed() {
                return Map.copyOf(latest);
            }
        });
        int uses = 1_000_000;
        AtomicBoolean recording = new AtomicBoolean(true);
        Thread flusher = new Thread(() -> {
            while (recording.get()) {
                recorder.flush();
            }
        });
        flusher.start();
        Thread a = new Thread(() -> recordEach(recorder, "a-", uses));
        Thread b = new Thread(() -> recordEach(recorder, "b-", uses));
        a.start();
        b.start();
        a.join();
        b.join();
        recording.set(false);
        flusher.join();

        recorder.flush();

        assertThat(latest).as("every key used once reaches the store").hasSize(2 * uses);
    }

    /** Each use is of a key of its own: a use lost in a race is a key missing from the store. */
    private static void recordEach(KeyUsageRecorder recorder, String prefix, int uses) {
        for (int i = 1; i <= uses; i++) {
            recorder.record(prefix + i, T1.plusMillis(i));
        }
    }

    @Test
    @DisplayName("keeps the times of a failed flush for the next one")
    void failedFlush() {
        BatchStore store = new BatchStore();
        KeyUsageRecorder recorder = new KeyUsageRecorder(store);
        recorder.record("a", T1);
        store.failing = true;
        recorder.flush();
        store.failing = false;
        recorder.record("b", T2);

        recorder.close();

        assertThat(store.batches).containsExactly(Map.of("a", T1, "b", T2));
    }
}
