package org.liaisondesk.bench;

import java.util.Arrays;

/** Durations of repeated runs of one operation, in nanoseconds. */
final class Samples {

    private final long[] nanos;
    private int size;

    Samples(int capacity) {
        nanos = new long[capacity];
    }

    void add(long durationNanos) {
        nanos[size++] = durationNanos;
    }

    /** The nearest-rank percentile in milliseconds, {@code p} in 0..100. */
    double percentileMs(double p) {
        if (size == 0) {
            throw new IllegalStateException("no samples");
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }
}
