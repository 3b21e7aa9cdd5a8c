package org.liaisondesk.tagging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LearningTaggerTest {

    private static BigramTagger base;

    /** Clerks at one station file restaurant-fume complaints under 四 (美丽杭州建设), not 三. */
    private static final List<String> FUME_COMPLAINTS = List.of(
            "楼下烧烤店油烟直排,家里窗户都不敢开。",
            "小区底商的餐馆油烟很大,熏得衣服都是味道。",
            "饭店排油烟管道对着住宅楼,油烟扰民严重。",
            "菜场旁边的小吃摊油烟呛人,希望安装净化器。",
            "火锅店的油烟净化设备不开,整条街都是油烟味。",
            "沿街餐饮油烟没有处理直接排放,居民意见很大。",
            "食堂的油烟管道坏了,油烟往居民楼里飘。",
            "夜宵店油烟和气味影响楼上住户生活。");

    @BeforeAll
    static void load() {
        base = BigramTagger.loadDefault();
    }

    @Test
    void correctionsMoveSimilarTextsToTheTaughtArea() {
        String unseen = "新开的烤肉店油烟很重,楼上邻居家里全是油烟味。";
        assertThat(base.suggest(unseen)).first().extracting(Suggestion::area).isEqualTo(3);

        List<LabelledText> corrections = new ArrayList<>();
        for (String t : FUME_COMPLAINTS) {
            corrections.add(new LabelledText(t, List.of(4)));
        }
        LearningTagger learned = LearningTagger.train(base, corrections);

        assertThat(learned.suggest(unseen)).first().extracting(Suggestion::area).isEqualTo(4);
        assertThat(learned.taxonomyVersion()).isEqualTo(base.taxonomyVersion());
    }

    @Test
    void fewCorrectionsNudgeManyDecide() {
        String unseen = "新开的烤肉店油烟很重,楼上邻居家里全是油烟味。";
        // Confidences of area 4 before the cut to three suggestions: the smoke topic points to area 3 first.
        double before = base.scores(unseen).confidence(4);
        double afterTwo = LearningTagger.train(base, corrections(2)).scores(unseen).confidence(4);
        double afterEight = LearningTagger.train(base, corrections(8)).scores(unseen).confidence(4);
        assertThat(afterTwo).isGreaterThan(before);
        assertThat(afterEight).isGreaterThan(afterTwo);
    }

    @Test
    void correctionsLeaveUnrelatedTextsAlone() {
        LearningTagger learned = LearningTagger.train(base, corrections(8));
        String unrelated = "村里的路太窄了,两辆车没法会车,希望拓宽。";
        assertThat(learned.suggest(unrelated)).first().extracting(Suggestion::area).isEqualTo(4);
        String company = "企业开办审批太慢,材料要交好几次。";
        assertThat(learned.suggest(company)).first().extracting(Suggestion::area).isEqualTo(2);
    }

    @Test
    void noAreaCorrectionsTeachAbstention() {
        String text = "社区王阿姨组织的合唱队排练很辛苦,大家都夸她。";
        List<LabelledText> corrections = List.of(
                new LabelledText("社区合唱队的李阿姨组织排练很辛苦,大家都夸她。", List.of()),
                new LabelledText("合唱队王老师每周带大家排练,居民都夸她用心。", List.of()),
                new LabelledText("舞蹈队张阿姨组织排练很辛苦,大家都夸她好。", List.of()),
                new LabelledText("社区合唱队排练时大家都很开心,夸组织的阿姨辛苦。", List.of()));
        LearningTagger learned = LearningTagger.train(base, corrections);
        assertThat(learned.suggest(text)).isEmpty();
    }

    @Test
    void untrainedModelGivesTheZeroShotAnswer() {
        LearningTagger learned = LearningTagger.train(base, List.of());
        for (String t : FUME_COMPLAINTS) {
            assertThat(learned.suggest(t)).isEqualTo(base.suggest(t));
        }
    }

    @Test
    void trainingThousandsOfExamplesIsFast() {
        List<LabelledText> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(new LabelledText(FUME_COMPLAINTS.get(i % FUME_COMPLAINTS.size()) + i, List.of(1 + i % 6)));
        }
        long start = System.nanoTime();
        CorrectionModel model = CorrectionModel.train(many);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.println("CorrectionModel.train: 5000 examples in " + ms + " ms");
        assertThat(model.size()).isEqualTo(5000);
    }

    private static List<LabelledText> corrections(int n) {
        return FUME_COMPLAINTS.subList(0, n).stream().map(t -> new LabelledText(t, List.of(4))).toList();
    }
}
