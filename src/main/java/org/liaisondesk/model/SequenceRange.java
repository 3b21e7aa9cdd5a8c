package org.liaisondesk.model;

/**
 * Batch sequence numbers {@code from} to {@code to}, both included: how missing batches are listed, so a gap costs
 * the same whatever its size. Shown as {@code 3} or {@code 3–7}.
 */
public record SequenceRange(long from, long to) {

    public SequenceRange {
        if (from > to) {
            throw new IllegalArgumentException(from + " > " + to);
        }
    }

    @Override
    public String toString() {
        return from == to ? Long.toString(from) : from + "–" + to;
    }
}
