package org.liaisondesk.tagging;

/**
 * Open-addressing int → int map for n-gram ids on the tagging hot path: no boxing, one array probe per
 * lookup. Key 0 is reserved (no n-gram encodes to 0). Not thread-safe while being filled; read-only use after
 * building is safe from any thread.
 */
final class IntIntMap {

    static final int MISSING = -1;

    private int[] keys;
    private int[] values;
    private int size;

    IntIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
        keys = new int[capacity];
        values = new int[capacity];
    }

    int get(int key) {
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return MISSING;
            }
        }
    }

    /** Returns the value already stored for {@code key}, or stores and returns {@code valueIfAbsent}. */
    int putIfAbsent(int key, int valueIfAbsent) {
        if (key == 0) {
            throw new IllegalArgumentException("key 0 is reserved");
        }
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = valueIfAbsent;
        size++;
        return valueIfAbsent;
    }

    int size() {
        return size;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int mix(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
