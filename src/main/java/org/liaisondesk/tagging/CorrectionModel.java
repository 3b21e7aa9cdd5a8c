package org.liaisondesk.tagging;

import org.liaisondesk.model.AreaTag;

import java.util.List;

/**
 * What clerks' corrections teach: a multinomial naive Bayes model over character bigrams with seven
 * classes, index 0 = "no area fits" and 1..6 the areas. The primary area of an example counts fully, each
 * other acceptable area half.
 *
 * <p>{@link #evidence(String)} is each class's log-likelihood ratio against a uniform background (every known
 * bigram equally likely). So a class without corrections, or a text with no bigram the clerks have used,
 * gets 0 — no opinion — and the zero-shot tagger decides alone; a text like earlier corrections to area 4 gets
 * positive evidence for 4 and negative for classes whose examples look different.
 *
 * <p>Immutable and thread-safe; training a few thousand examples takes milliseconds, so retraining means
 * building a new model (from a background thread if wanted) and swapping it in.
 */
public final class CorrectionModel {

    static final int CLASSES = AreaTag.AREA_COUNT + 1;
    static final double SMOOTHING = 0.5;
    static final double SECONDARY_WEIGHT = 0.5;

    private final CharBigrams bigrams;
    private final IntIntMap vocabulary;
    /** [gram id * CLASSES + class] → log(V · p(gram | class)), 0 for classes without examples. */
    private final float[] logRatio;
    private final int examples;

    private CorrectionModel(CharBigrams bigrams, IntIntMap vocabulary, float[] logRatio, int examples) {
        this.bigrams = bigrams;
        this.vocabulary = vocabulary;
        this.logRatio = logRatio;
        this.examples = examples;
    }

    public static CorrectionModel empty() {
        return train(List.of());
    }

    public static CorrectionModel train(List<LabelledText> corrections) {
        CharBigrams bigrams = new CharBigrams(Lexicon.resource("stopwords.tsv").get("char"));
        IntIntMap vocabulary = new IntIntMap(1024);
        int[][] grams = new int[corrections.size()][];
        for (int i = 0; i < grams.length; i++) {
            grams[i] = bigrams.distinct(corrections.get(i).text());
            for (int g : grams[i]) {
                vocabulary.putIfAbsent(g, vocabulary.size());
            }
        }
        int v = Math.max(1, vocabulary.size());
        double[] counts = new double[v * CLASSES];
        double[] totals = new double[CLASSES];
        for (int i = 0; i < grams.length; i++) {
            List<Integer> areas = corrections.get(i).areas();
            if (areas.isEmpty()) {
                add(counts, totals, vocabulary, grams[i], 0, 1.0);
            }
            for (int k = 0; k < areas.size(); k++) {
                add(counts, totals, vocabulary, grams[i], areas.get(k), k == 0 ? 1.0 : SECONDARY_WEIGHT);
            }
        }
        float[] logRatio = new float[v * CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            if (totals[c] == 0) {
                continue;
            }
            double denominator = totals[c] + SMOOTHING * v;
            for (int id = 0; id < v; id++) {
                logRatio[id * CLASSES + c] = (float) Math.log(v * (counts[id * CLASSES + c] + SMOOTHING) / denominator);
            }
        }
        return new CorrectionModel(bigrams, vocabulary, logRatio, corrections.size());
    }

    private static void add(double[] counts, double[] totals, IntIntMap vocabulary, int[] grams, int c, double w) {
        for (int g : grams) {
            counts[vocabulary.get(g) * CLASSES + c] += w;
        }
        totals[c] += w * grams.length;
    }

    /** How many corrections the model was trained on. */
    public int size() {
        return examples;
    }

    /** Seven log-likelihood ratios, index 0 = no area, 1..6 = areas; all 0 for an untrained model. */
    double[] evidence(String text) {
        double[] out = new double[CLASSES];
        if (examples == 0) {
            return out;
        }
        int[] count = new int[1];
        int[] grams = bigrams.distinct(text, new int[text.length()], count);
        for (int i = 0; i < count[0]; i++) {
            int id = vocabulary.get(grams[i]);
            if (id != IntIntMap.MISSING) {
                for (int c = 0; c < CLASSES; c++) {
                    out[c] += logRatio[id * CLASSES + c];
                }
            }
        }
        return out;
    }
}
