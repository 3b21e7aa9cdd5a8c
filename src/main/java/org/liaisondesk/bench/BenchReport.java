package org.liaisondesk.bench;

import java.util.List;

/**
 * What one benchmark run measured and on what.
 *
 * @param opinions  opinions in the benchmark database
 * @param stations  stations they come from
 * @param cores     processors the JVM sees
 * @param maxHeapMb the heap the JVM may use
 * @param java      the Java runtime
 * @param figures   every figure, in a stable order
 */
public record BenchReport(long opinions, int stations, int cores, double maxHeapMb, String java,
                          List<Figure> figures) {

    public BenchReport {
        figures = List.copyOf(figures);
    }

    /** False when any goal was missed; figures still pending do not count. */
    public boolean allMet() {
        return figures.stream().noneMatch(f -> Boolean.FALSE.equals(f.met()));
    }
}
