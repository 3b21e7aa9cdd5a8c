package org.liaisondesk.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-area confidences for one text, each in [0, 1], plus the best clause per area and the level below which
 * "no area fits". Both taggers reduce to this, so one rule decides primary, secondaries and abstention.
 */
final class AreaScores {

    /** A second area is proposed when it is at least this close to the best one… */
    static final double SECONDARY_RATIO = 0.75;
    /** …and at least this confident on its own. */
    static final double SECONDARY_FLOOR = 0.3;
    static final int MAX_SUGGESTIONS = 3;

    private final double[] confidence;
    private final Subtopic[] best;
    private final double noneLevel;

    /**
     * @param confidence index 0 = area 1; copied
     * @param best       best-matching sub-topic per area, entries may be null; copied
     * @param noneLevel  abstain when no area reaches it
     */
    AreaScores(double[] confidence, Subtopic[] best, double noneLevel) {
        this.confidence = confidence.clone();
        this.best = best.clone();
        this.noneLevel = noneLevel;
    }

    double confidence(int area) {
        return confidence[area - 1];
    }

    Subtopic best(int area) {
        return best[area - 1];
    }

    double noneLevel() {
        return noneLevel;
    }

    /** Best first; empty when the best area is below the none level. */
    List<Suggestion> suggestions() {
        int top = 0;
        for (int a = 1; a < confidence.length; a++) {
            if (confidence[a] > confidence[top]) {
                top = a;
            }
        }
        if (confidence[top] < noneLevel || confidence[top] <= 0) {
            return List.of();
        }
        double cut = Math.max(SECONDARY_FLOOR, SECONDARY_RATIO * confidence[top]);
        List<Suggestion> out = new ArrayList<>(MAX_SUGGESTIONS);
        out.add(suggestion(top));
        for (int n = 1; n < MAX_SUGGESTIONS; n++) {
            int next = -1;
            for (int a = 0; a < confidence.length; a++) {
                if (a != top && confidence[a] >= cut && !listed(out, a)
                        && (next < 0 || confidence[a] > confidence[next])) {
                    next = a;
                }
            }
            if (next < 0) {
                break;
            }
            out.add(suggestion(next));
        }
        return List.copyOf(out);
    }

    private static boolean listed(List<Suggestion> out, int index) {
        return out.stream().anyMatch(s -> s.area() == index + 1);
    }

    private Suggestion suggestion(int index) {
        Subtopic s = best[index];
        return new Suggestion(index + 1, Math.round(confidence[index] * 10000) / 10000.0,
                s == null ? null : s.id(), s == null ? null : s.wording());
    }
}
