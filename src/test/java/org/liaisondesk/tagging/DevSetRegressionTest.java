package org.liaisondesk.tagging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import org.liaisondesk.generate.OpinionGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the tagging quality reached: fails when a change to the taxonomy parser, synonyms, cues or scoring
 * loses ground. dev-opinions.jsonl is the shared labelled dev set; sanity-opinions.jsonl are sentences written
 * for this module without looking at the tagger's output, a check that tuning generalises.
 */
class DevSetRegressionTest {

    private static BigramTagger tagger;
    /** A little below what the held-out real part reached (see docs/tagging.md); raise them, never lower them. */
    static final double REAL_HELDOUT_TOP1 = 0.88;
    static final double REAL_HELDOUT_TOP2 = 0.90;
    static final int REAL_HELDOUT_ABSTAINED = 5;

    @BeforeAll
    static void load() {
        tagger = BigramTagger.loadDefault();
    }

    @Test
    void devSet() {
        TagEvaluation.Metrics m = DevSet.evaluate(tagger, DevSet.load("dev-opinions.jsonl"));
        System.out.println("dev set: " + m);
        m.misses().forEach(System.out::println);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(1.0);
        assertThat(m.abstained()).as(m.toString()).isEqualTo(m.none());
    }

    @Test
    void ownSanitySet() {
        TagEvaluation.Metrics m = DevSet.evaluate(tagger, DevSet.load("sanity-opinions.jsonl"));
        System.out.println("sanity set: " + m);
        m.misses().forEach(System.out::println);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.98);
        assertThat(m.abstained()).as(m.toString()).isEqualTo(m.none());
    }

    /**
     * Thousands of generated opinions in residents' words (framing, self-introductions, places), labelled with the
     * area each was written for: a broader set than the hand-written ones, and one the synonym list was not written
     * from. These 3,000 reached 0.865 top-1 / 0.909 top-2 when this guard was set (about 0.83 before framing was
     * cut), and 107 of their 128 no-area texts abstained once "nothing to raise" cues counted double (78 before).
     */
    @Test
    void generatedOpinions() {
        List<TagEvaluation.Item> items = new OpinionGenerator(11, 3).traced(3_000)
                .map(t -> new TagEvaluation.Item(t.subtopicId(), t.opinion().input().text(), t.opinion().intendedAreas()))
                .toList();
        TagEvaluation.Metrics m = DevSet.evaluate(tagger, items);
        System.out.println("generated opinions: " + m);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.85);
        // 0.909 before the real-text work, 0.896 after the area priors (generated texts speak of 一 and 六 more than
        // residents), 0.904 once the generator writes tersely.
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.89);
        assertThat((double) m.abstained() / m.none()).as(m.toString()).isGreaterThanOrEqualTo(0.75);
    }

    /**
     * Residents' own words quoted in public sources (real-tune.jsonl, tuned on; real-heldout.jsonl, looked at only
     * to report), labelled by the rules in docs/tagging.md. Guards set a little below the figures reached.
     */
    @Test
    void realTuningSet() {
        TagEvaluation.Metrics m = DevSet.evaluate(tagger, DevSet.load("real-tune.jsonl"));
        System.out.println("real-tune: " + m);
        m.misses().forEach(System.out::println);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.96);
        assertThat(m.abstained()).as(m.toString()).isGreaterThanOrEqualTo(10);
        assertThat(m.untaggedRate()).as(m.toString()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void realHeldOutSet() {
        TagEvaluation.Metrics m = DevSet.evaluate(tagger, DevSet.load("real-heldout.jsonl"));
        System.out.println("real-heldout: " + m);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(REAL_HELDOUT_TOP1);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(REAL_HELDOUT_TOP2);
        assertThat(m.abstained()).as(m.toString()).isGreaterThanOrEqualTo(REAL_HELDOUT_ABSTAINED);
        assertThat(m.untaggedRate()).as(m.toString()).isLessThanOrEqualTo(0.05);
    }

    @Test
    void learningFromTheSanitySetKeepsTheDevSetLevel() {
        List<LabelledText> corrections = DevSet.load("sanity-opinions.jsonl").stream()
                .map(i -> new LabelledText(i.text(), i.areas())).toList();
        TagEvaluation.Metrics m = DevSet.evaluate(LearningTagger.train(tagger, corrections), DevSet.load("dev-opinions.jsonl"));
        System.out.println("dev set after learning the sanity set: " + m);
        assertThat(m.top1Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.top2Rate()).as(m.toString()).isGreaterThanOrEqualTo(0.97);
        assertThat(m.abstained()).as(m.toString()).isEqualTo(m.none());
    }
}
