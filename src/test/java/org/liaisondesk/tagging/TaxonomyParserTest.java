package org.liaisondesk.tagging;

import org.junit.jupiter.api.Test;
import org.liaisondesk.i18n.Messages;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxonomyParserTest {

    private static final String REPORT = Lexicon.readResource(Taxonomy.DEFAULT_REPORT);

    @Test
    void bundledReportIsTheSeed() throws Exception {
        String seed = Files.readString(Path.of("seeds/hangzhou-npc-2023-main-tasks.txt"), StandardCharsets.UTF_8);
        assertThat(REPORT).isEqualTo(seed);
    }

    @Test
    void parsesSixAreasWithHeadingsAndLabels() {
        Taxonomy t = Taxonomy.loadDefault();
        assertThat(t.areas()).hasSize(6);
        assertThat(t.areas()).extracting(TaskArea::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(t.area(2).heading()).isEqualTo("坚定不移紧扣中心,全力保障打好经济翻身仗");
        assertThat(t.area(2).shortName()).isEqualTo("二 经济发展");
        assertThat(t.areas()).extracting(TaskArea::label)
                .containsExactly("政治建设", "经济发展", "亚运与城市环境", "民生与共同富裕", "全过程人民民主", "常委会自身建设");
        assertThat(t.title()).isEqualTo("今后一年的主要任务");
    }

    @Test
    void theTaxonomyAndTheWindowUseOneSetOfAreaNames() {
        Messages zh = Messages.forLanguage("zh");
        for (TaskArea area : Taxonomy.loadDefault().areas()) {
            assertThat(area.shortName()).isEqualTo(zh.get("area.short." + area.number()));
        }
    }

    @Test
    void subtopicsAreReadableClausesWithStableIds() {
        Taxonomy t = Taxonomy.loadDefault();
        assertThat(t.subtopics()).hasSizeBetween(100, 200);
        for (TaskArea area : t.areas()) {
            assertThat(area.subtopics()).hasSizeGreaterThanOrEqualTo(10);
            for (Subtopic s : area.subtopics()) {
                assertThat(s.id()).matches(area.number() + "\\.\\d\\d");
                assertThat(s.area()).isEqualTo(area.number());
                assertThat(s.wording()).hasSizeGreaterThanOrEqualTo(TaxonomyParser.MIN_CLAUSE).doesNotContain("。");
            }
        }
        assertThat(t.subtopic("4.03")).get().extracting(Subtopic::wording)
                .isEqualTo("推进农村公路管理条例、村经济合作社财务管理条例立法");
        assertThat(t.subtopic("4.03").orElseThrow().keywords()).contains("农村公路管理");
        assertThat(t.subtopics()).extracting(Subtopic::wording)
                .contains("听取推进托育工作情况、居家养老服务条例实施情况的报告", "开展专题询问")
                .noneMatch(w -> w.startsWith("各位代表") || w.contains("重点抓好以下"));
        assertThat(Taxonomy.parse(REPORT)).isEqualTo(t);
    }

    @Test
    void versionIsYearAndShortHashAndFollowsTheText() {
        Taxonomy original = Taxonomy.parse(REPORT);
        assertThat(original.version()).matches("2023-[0-9a-f]{8}");
        assertThat(Taxonomy.parse(REPORT.replace("\n", "\r\n")).version()).isEqualTo(original.version());

        String nextYear = REPORT.replace("2023年是全面贯彻", "2024年是深入贯彻")
                .replace("推进农村公路管理条例", "推进农村供水管理条例");
        Taxonomy next = Taxonomy.parse(nextYear);
        assertThat(next.version()).startsWith("2024-").isNotEqualTo(original.version());
        assertThat(next.subtopic("4.03").orElseThrow().wording()).contains("农村供水");
        assertThat(original.subtopic("4.03").orElseThrow().wording()).contains("农村公路");
        assertThat(original).isEqualTo(Taxonomy.parse(REPORT));
    }

    @Test
    void unknownHeadingsFallBackToTheHeadingsSecondHalf() {
        Taxonomy t = Taxonomy.parse(REPORT.replace("全力保障打好经济翻身仗", "全力推动数字经济发展"));
        assertThat(t.area(2).label()).isEqualTo("全力推动数字经济发展");
    }

    @Test
    void rejectsATextWithoutSixHeadings() {
        String fiveAreas = REPORT.substring(0, REPORT.indexOf("六、"));
        assertThatThrownBy(() -> Taxonomy.parse(fiveAreas))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("found 5");
        assertThatThrownBy(() -> Taxonomy.parse(REPORT.replace("三、传承", "四、传承")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out of order");
    }

    @Test
    void loadingIsCheap() {
        Taxonomy.loadDefault();
        long start = System.nanoTime();
        Taxonomy.loadDefault();
        BigramTagger.loadDefault();
        System.out.printf("warm Taxonomy.loadDefault + BigramTagger.loadDefault: %.1f ms%n",
                (System.nanoTime() - start) / 1e6);
    }
}
