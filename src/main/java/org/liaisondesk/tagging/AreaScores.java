package org.liaisondesk.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-area confidences for one text, each in [0, 1), plus the best clause per area. Both taggers reduce to
 * this, so one rule decides primary, secondaries and abstention: a confidence is the odds of the area against
 * "no area fits" squashed to (0, 1), so 0.5 is the line between proposing an area and abstaining.
 */
final class AreaScores {

    static final double NONE_LEVEL = 0.5;

    /** A second area is proposed when it is at least this close to the best one… */
    static final double SECONDARY_RATIO = 0.75;
    /** …and at least this confident on its own. */
    static final double SECONDARY_FLOOR = 0.3;
    static final int MAX_SUGGESTIONS = 3;

    private final double[] confidence;
    private final Subtopic[] best;
    private final Suggestion.Path[] paths;

    /**
     * @param confidence index 0 = area 1; copied
     * @param best       the clause that is the reason per area, entries null when no clause is; copied
     */
    AreaScores(double[] confidence, Subtopic[] best) {
        this(confidence, best, new Suggestion.Path[best.length]);
    }

    /** @param paths per area, how the text reached its clause (null: the clause's own words); copied */
    AreaScores(double[] confidence, Subtopic[] best, Suggestion.Path[] paths) {
        this.confidence = confidence.clone();
        this.best = best.clone();
        this.paths = paths.clone();
    }

    Suggestion.Path path(int area) {
        return paths[area - 1];
    }

    double confidence(int area) {
        return confidence[area - 1];
    }

    Subtopic best(int area) {
        return best[area - 1];
    }

    /** Best first; empty when even the best area is below {@link #NONE_LEVEL}. */
    List<Suggestion> suggestions() {
        int top = 0;
        for (int a = 1; a < confidence.length; a++) {
            if (confidence[a] > confidence[top]) {
                top = a;
            }
        }
        if (confidence[top] < NONE_LEVEL || confidence[top] <= 0) {
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
                s == null ? null : s.id(), s == null ? null : s.wording(), s == null ? null : paths[index]);
    }
}
