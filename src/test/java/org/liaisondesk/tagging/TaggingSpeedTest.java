package org.liaisondesk.tagging;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints tagging throughput and single-call latency (no timed assertions: the build machine is shared).
 * Run: {@code mvn -q test -Dtest=TaggingSpeedTest}. Texts are the dev and sanity sentences, alone and joined
 * in pairs and triples, 20–150 characters. Tagged "timing": left out of the default run (it asserts nothing; bench's
 * tag_per_s and suggest_p95_ms are the figures): {@code mvn test -Dtest=TaggingSpeedTest -Dtest.excludedGroups=}.
 */
@Tag("timing")
class TaggingSpeedTest {

    @Test
    void printRates() {
        long loadStart = System.nanoTime();
        BigramTagger zeroShot = BigramTagger.loadDefault();
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        List<String> texts = texts();
        List<LabelledText> corrections = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            corrections.add(new LabelledText(texts.get(i % texts.size()), List.of(1 + i % 6)));
        }
        LearningTagger learning = LearningTagger.train(zeroShot, corrections);
        System.out.printf("texts: %d, %d–%d chars; tagger load %.1f ms (in a warm test JVM)%n", texts.size(),
                texts.stream().mapToInt(String::length).min().orElse(0),
                texts.stream().mapToInt(String::length).max().orElse(0), loadMs);
        report("BigramTagger", zeroShot, texts);
        report("LearningTagger (2000 corrections)", learning, texts);
    }

    private static void report(String name, Tagger tagger, List<String> texts) {
        int sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += tagger.suggest(texts.get(i % texts.size())).size();
        }
        int n = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += tagger.suggest(texts.get(i % texts.size())).size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long worst = 0;
        for (String t : texts) {
            long s = System.nanoTime();
            sink += tagger.suggest(t).size();
            worst = Math.max(worst, System.nanoTime() - s);
        }
        System.out.printf("%s: %.0f opinions/s on one thread, mean %.1f µs, slowest single %.1f µs (%d)%n",
                name, n / seconds, seconds * 1e6 / n, worst / 1e3, sink % 10);
    }

    private static List<String> texts() {
        List<String> base = new ArrayList<>();
        DevSet.load("dev-opinions.jsonl").forEach(i -> base.add(i.text()));
        DevSet.load("sanity-opinions.jsonl").forEach(i -> base.add(i.text()));
        List<String> out = new ArrayList<>(base);
        for (int i = 0; i < base.size(); i++) {
            out.add(base.get(i) + base.get((i + 7) % base.size()));
            out.add(base.get(i) + base.get((i + 13) % base.size()) + base.get((i + 29) % base.size()));
        }
        out.removeIf(t -> t.length() < 20 || t.length() > 150);
        return out;
    }
}
