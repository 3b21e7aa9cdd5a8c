package org.liaisondesk.tagging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the tagging quality reached: fails when a change to the taxonomy parser, synonyms, cues or scoring
 * loses ground. dev-opinions.jsonl is the shared labelled dev set; sanity-opinions.jsonl are sentences written
 * for this module without looking at the tagger's output, a check that tuning generalises.
 */
class DevSetRegressionTest {

    private static BigramTagger tagger;

    @BeforeAll
    static void load() {
        tagger = BigramTagger.loadDefault();
    }

    @Test
    void devSet() {
        DevSet.Metrics m = DevSet.evaluate(tagger, DevSet.load("dev-opinions.jsonl"));
        System.out.println("dev set: " + m);
        m.misses().forEach(System.out::println);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(m.abstained()).as(m.toString()).isEqualTo(m.none());
    }

    @Test
    void ownSanitySet() {
        DevSet.Metrics m = DevSet.evaluate(tagger, DevSet.load("sanity-opinions.jsonl"));
        System.out.println("sanity set: " + m);
        m.misses().forEach(System.out::println);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(m.abstained()).as(m.toString()).isEqualTo(m.none());
    }

    @Test
    void learningFromTheSanitySetKeepsTheDevSetLevel() {
        List<LabelledText> corrections = DevSet.load("sanity-opinions.jsonl").stream()
                .map(i -> new LabelledText(i.text(), i.areas())).toList();
        DevSet.Metrics m = DevSet.evaluate(LearningTagger.train(tagger, corrections), DevSet.load("dev-opinions.jsonl"));
        System.out.println("dev set after learning the sanity set: " + m);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.abstained()).as(m.toString()).isEqualTo(m.none());
    }
}
