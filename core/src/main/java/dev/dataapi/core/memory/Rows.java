package dev.dataapi.core.memory;

/** Copies of result rows, so that stored rows are never shared with a caller who may change them. */
final class Rows {

    private Rows() {
    }

    /** The row in a new array, {@code byte[]} values copied too (everything else is immutable). */
    static Object[] copy(Object[] values) {
        Object[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof byte[]) {
                copy[i] = ((byte[]) copy[i]).clone();
            }
        }
        return copy;
    }
}
