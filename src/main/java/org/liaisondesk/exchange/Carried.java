package org.liaisondesk.exchange;

import java.util.Arrays;
import java.util.UUID;

/**
 * Which opinions a batch carried, at which revision, noted while it is written: three primitive arrays (20 bytes
 * an opinion), so a million-opinion export keeps about 20 MB instead of a million objects.
 */
final class Carried {

    /** Receives one carried opinion. */
    @FunctionalInterface
    interface Item {
        void accept(UUID opinionId, int revision);
    }

    private long[] high = new long[1024];
    private long[] low = new long[1024];
    private int[] revisions = new int[1024];
    private int size;

    void add(UUID id, int revision) {
        if (size == revisions.length) {
            int grown = size * 2;
            high = Arrays.copyOf(high, grown);
            low = Arrays.copyOf(low, grown);
            revisions = Arrays.copyOf(revisions, grown);
        }
        high[size] = id.getMostSignificantBits();
        low[size] = id.getLeastSignificantBits();
        revisions[size] = revision;
        size++;
    }

    int size() {
        return size;
    }

    void forEach(Item item) {
        for (int i = 0; i < size; i++) {
            item.accept(new UUID(high[i], low[i]), revisions[i]);
        }
    }
}
