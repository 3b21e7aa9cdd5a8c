package org.liaisondesk.tagging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Scores a tagger against labelled opinions exactly as {@code shared/tools/tag-eval.py} does — top-1 (the best area
 * is an acceptable one), top-2 (the primary area among the best two), abstention on the items no area fits, and
 * how many items that have an area got none — and draws the learning curve: the same figures on a held-out part
 * after the station has corrected 0, 25, 50 … opinions of a tuning part.
 */
public final class TagEvaluation {

    private TagEvaluation() {
    }

    /** One labelled opinion: {@code areas} primary first, empty when no area fits. */
    public record Item(String id, String text, List<Integer> areas) {
        public Item {
            areas = List.copyOf(areas);
        }
    }

    /** @param untagged labelled items (an area fits) that got no suggestion at all */
    public record Metrics(int top1, int top2, int labelled, int abstained, int none, int untagged,
                          List<String> misses) {

        public double top1Rate() {
            return labelled == 0 ? 0 : (double) top1 / labelled;
        }

        public double top2Rate() {
            return labelled == 0 ? 0 : (double) top2 / labelled;
        }

        public double untaggedRate() {
            return labelled == 0 ? 0 : (double) untagged / labelled;
        }

        @Override
        public String toString() {
            return String.format("top1=%.3f (%d/%d) top2=%.3f abstain=%d/%d untagged=%d/%d", top1Rate(), top1,
                    labelled, top2Rate(), abstained, none, untagged, labelled);
        }
    }

    /**
     * One point of a learning curve, averaged over shuffles of the tuning part.
     *
     * @param corrections how many corrections the station had made (capped at the tuning part's size)
     */
    public record CurvePoint(int corrections, double top1, double top2, double abstained, double untagged) {
    }

    /** Reads JSON Lines {@code {"id", "text", "areas": [...]}} (other fields ignored, blank lines skipped). */
    public static List<Item> read(InputStream in, ObjectMapper mapper) throws IOException {
        List<Item> items = new ArrayList<>();
        int lineNo = 0;
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "").split("\n")) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = mapper.readTree(line);
            if (n == null || !n.path("text").isTextual() || !n.path("areas").isArray()) {
                throw new IllegalArgumentException("line " + lineNo + ": expected {\"id\", \"text\", \"areas\": [...]}");
            }
            List<Integer> areas = new ArrayList<>();
            n.get("areas").forEach(a -> areas.add(a.asInt()));
            items.add(new Item(n.path("id").asText(String.valueOf(lineNo)), n.get("text").asText(), areas));
        }
        return items;
    }

    public static Metrics evaluate(Tagger tagger, List<Item> items) {
        int top1 = 0, top2 = 0, labelled = 0, abstained = 0, none = 0, untagged = 0;
        List<String> misses = new ArrayList<>();
        for (Item item : items) {
            List<Integer> got = tagger.suggest(item.text()).stream().map(Suggestion::area).toList();
            if (item.areas().isEmpty()) {
                none++;
                if (got.isEmpty()) {
                    abstained++;
                } else {
                    misses.add("should abstain " + item.id() + ": got " + got + "  " + item.text());
                }
                continue;
            }
            labelled++;
            if (got.isEmpty()) {
                untagged++;
            }
            if (!got.isEmpty() && item.areas().contains(got.get(0))) {
                top1++;
            } else {
                misses.add("miss " + item.id() + ": want " + item.areas() + " got " + got + "  " + item.text());
            }
            if (got.subList(0, Math.min(2, got.size())).contains(item.areas().get(0))) {
                top2++;
            }
        }
        return new Metrics(top1, top2, labelled, abstained, none, untagged, List.copyOf(misses));
    }

    /**
     * The figures on {@code heldOut} after learning the first n items of {@code tune} as corrections (no area
     * taught as "no area"), for each n of {@code steps}, averaged over {@code shuffles} seeded orders of the
     * tuning part so one lucky order does not make the curve.
     */
    public static List<CurvePoint> learningCurve(BigramTagger base, List<Item> tune, List<Item> heldOut,
                                                 int[] steps, int shuffles) {
        List<CurvePoint> points = new ArrayList<>();
        for (int step : steps) {
            int n = Math.min(step, tune.size());
            double top1 = 0, top2 = 0, abstained = 0, untagged = 0;
            int runs = n == 0 ? 1 : shuffles;
            for (int seed = 0; seed < runs; seed++) {
                List<Item> order = new ArrayList<>(tune);
                Collections.shuffle(order, new Random(seed));
                List<LabelledText> corrections = order.subList(0, n).stream()
                        .map(i -> new LabelledText(i.text(), i.areas())).toList();
                Metrics m = evaluate(LearningTagger.train(base, corrections), heldOut);
                top1 += m.top1Rate();
                top2 += m.top2Rate();
                abstained += m.none() == 0 ? 0 : (double) m.abstained() / m.none();
                untagged += m.untaggedRate();
            }
            points.add(new CurvePoint(n, top1 / runs, top2 / runs, abstained / runs, untagged / runs));
        }
        return points;
    }
}
