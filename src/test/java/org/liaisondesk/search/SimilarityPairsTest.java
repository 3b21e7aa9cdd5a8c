package org.liaisondesk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.liaisondesk.service.SearchService;

/**
 * Guards the "same matter" threshold on hand-labelled pairs: 30 pairs of one matter in different words, 30 of the
 * same topic but a different matter ({@code similar-pairs.tsv}). Prints precision and recall around the threshold.
 */
class SimilarityPairsTest {

    record Pair(boolean same, String a, String b) {
    }

    @Test
    void thresholdSeparatesSameMatterFromSameTopic() throws IOException {
        List<Pair> pairs = pairs();
        SimilarityIndex index = new SimilarityIndex();
        for (Pair p : pairs) {
            index.put(id(p.a()), p.a());
            index.put(id(p.b()), p.b());
        }
        double[] scores = pairs.stream().mapToDouble(p -> index.score(id(p.a()), id(p.b()))).toArray();
        for (double t = 0.2; t < 0.85; t += 0.05) {
            System.out.printf("threshold %.2f: %s%n", t, measure(pairs, scores, t));
        }
        for (int i = 0; i < pairs.size(); i++) {
            System.out.printf("%s %.3f %s | %s%n", pairs.get(i).same() ? "same" : "diff", scores[i],
                    pairs.get(i).a(), pairs.get(i).b());
        }
        Measure m = measure(pairs, scores, SearchService.SAME_MATTER);
        System.out.println("at SAME_MATTER " + SearchService.SAME_MATTER + ": " + m);
        assertThat(m.precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(m.recall()).isGreaterThanOrEqualTo(0.8);
    }

    record Measure(int truePositives, int falsePositives, int falseNegatives) {
        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        @Override
        public String toString() {
            return String.format("precision %.2f recall %.2f (tp %d fp %d fn %d)", precision(), recall(),
                    truePositives, falsePositives, falseNegatives);
        }
    }

    private static Measure measure(List<Pair> pairs, double[] scores, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < pairs.size(); i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && pairs.get(i).same()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (pairs.get(i).same()) {
                fn++;
            }
        }
        return new Measure(tp, fp, fn);
    }

    static UUID id(String text) {
        return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<Pair> pairs() throws IOException {
        try (InputStream in = SimilarityPairsTest.class.getResourceAsStream("similar-pairs.tsv")) {
            List<Pair> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(new Pair(f[0].equals("same"), f[1], f[2]));
            }
            return out;
        }
    }
}
