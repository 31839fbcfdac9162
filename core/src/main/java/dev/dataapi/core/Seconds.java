package dev.dataapi.core;

import java.math.BigDecimal;
import java.time.Duration;

/** Durations as consumers read them in messages. */
final class Seconds {

    private Seconds() {
    }

    /** Whole seconds when whole, else with the fraction: "60", "0.5". */
    static String of(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
