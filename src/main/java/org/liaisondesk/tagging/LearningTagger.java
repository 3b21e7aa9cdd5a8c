package org.liaisondesk.tagging;

import org.liaisondesk.model.AreaTag;

import java.util.List;

/**
 * The zero-shot tagger corrected by what clerks taught it. Both are combined as log-odds of "this area"
 * against "no area fits": the zero-shot confidence gives the prior odds, the {@link CorrectionModel}'s
 * evidence is added with a weight that grows with the number of corrections ({@code n / (n + HALF_WEIGHT_AT)}),
 * so a handful of consistent corrections (about ten) already moves a suggestion the report wording got wrong,
 * while texts unlike the corrections keep the zero-shot answer.
 *
 * <p>Immutable and thread-safe; after new corrections build a new one with {@link #train}.
 */
public final class LearningTagger implements Tagger {

    static final double MAX_WEIGHT = 1.0;
    static final double HALF_WEIGHT_AT = 8;
    /** Floor for a zero-shot confidence so that learning can still raise an area the report wording missed. */
    static final double MIN_CONFIDENCE = 0.05;

    private final BigramTagger base;
    private final CorrectionModel model;
    private final double weight;

    public LearningTagger(BigramTagger base, CorrectionModel model) {
        this.base = base;
        this.model = model;
        this.weight = MAX_WEIGHT * model.size() / (model.size() + HALF_WEIGHT_AT);
    }

    public static LearningTagger train(BigramTagger base, List<LabelledText> corrections) {
        return new LearningTagger(base, CorrectionModel.train(corrections));
    }

    public BigramTagger base() {
        return base;
    }

    public CorrectionModel model() {
        return model;
    }

    @Override
    public String taxonomyVersion() {
        return base.taxonomyVersion();
    }

    @Override
    public List<Suggestion> suggest(String text) {
        return scores(text).suggestions();
    }

    /** The blended confidences of all six areas, before the cut to at most three suggestions. */
    AreaScores scores(String text) {
        AreaScores zeroShot = base.scores(text);
        if (weight == 0) {
            return zeroShot;
        }
        double[] evidence = model.evidence(text);
        double none = weight * evidence[0];
        double[] confidence = new double[AreaTag.AREA_COUNT];
        Subtopic[] best = new Subtopic[AreaTag.AREA_COUNT];
        Suggestion.Path[] paths = new Suggestion.Path[AreaTag.AREA_COUNT];
        for (int a = 1; a <= AreaTag.AREA_COUNT; a++) {
            double c = Math.max(MIN_CONFIDENCE, zeroShot.confidence(a));
            double logOdds = Math.log(c / (1 - c)) + weight * evidence[a] - none;
            confidence[a - 1] = 1 / (1 + Math.exp(-logOdds));
            best[a - 1] = zeroShot.best(a);
            paths[a - 1] = zeroShot.path(a);
        }
        return new AreaScores(confidence, best, paths);
    }
}
