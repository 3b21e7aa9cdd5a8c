package org.liaisondesk.bench;

/**
 * One measured figure of the benchmark.
 *
 * @param name     stable key, e.g. {@code save_ms_p50}
 * @param value    the measurement; null while {@code pending} says what it waits for
 * @param unit     ms, per_s, MB or ratio
 * @param baseline what the underlying engine does for the same work in the same run, or null
 * @param goal     the target, or null where the figure is informational
 * @param lowerIsBetter whether the goal is a ceiling (true) or a floor
 * @param pending  null when measured; otherwise why not (e.g. the feature it needs is not in this build)
 */
public record Figure(String name, Double value, String unit, Double baseline, Double goal, boolean lowerIsBetter,
                     String pending) {

    static Figure measured(String name, double value, String unit, Double baseline, Double goal,
                           boolean lowerIsBetter) {
        return new Figure(name, value, unit, baseline, goal, lowerIsBetter, null);
    }

    static Figure info(String name, double value, String unit) {
        return new Figure(name, value, unit, null, null, true, null);
    }

    static Figure pending(String name, String unit, Double goal, boolean lowerIsBetter, String why) {
        return new Figure(name, null, unit, null, goal, lowerIsBetter, why);
    }

    /** True or false against the goal; null when there is no goal or no value yet. */
    public Boolean met() {
        if (goal == null || value == null) {
            return null;
        }
        return lowerIsBetter ? value <= goal : value >= goal;
    }
}
