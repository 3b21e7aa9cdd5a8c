package org.liaisondesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.tagging.Taxonomy;

class TaggingServiceTest {

    @TempDir
    Path dir;

    private static OpinionInput input(String text, AreaTag... tags) {
        return new OpinionInput(LocalDateTime.parse("2023-05-01T10:00"), Channel.VISIT, null, "clerk", text,
                List.of(tags));
    }

    private static AreaTag chosen(int area, boolean primary) {
        return new AreaTag(area, null, null, primary, 1.0, TagSource.CLERK, "王秘书", null);
    }

    /** A station's own vocabulary: after clerks file "广场舞" complaints under livelihood, new ones follow. */
    @Test
    void correctionsStoredInTheDatabaseChangeLaterSuggestions() {
        String probe = "晚上广场舞的音箱开得很响,影响老人休息。";
        try (AppContext ctx = AppContext.open(dir.resolve("learn.db"), Messages.forLanguage("zh"))) {
            int before = ctx.tagging().tagger().suggest(probe).get(0).area();
            int target = before == 4 ? 3 : 4;
            String[] corrections = {"广场舞音乐太吵了", "小区广场舞每天晚上放到十点", "广场舞的音箱声音太大",
                "楼下跳广场舞的人太多,音响很吵", "希望规范广场舞的时间和音量", "广场舞扰民问题多次反映没人管",
                "广场舞队占用篮球场,音箱很响", "广场舞音量大,老人晚上睡不好", "晚上的广场舞能不能小声一点",
                "广场舞噪音影响孩子学习"};
            int taught = 0;
            for (int round = 0; round < 5 && ctx.tagging().tagger().suggest(probe).get(0).area() != target; round++) {
                for (String text : corrections) {
                    ctx.opinionService().record(input(text + "。第" + (round + 1) + "次反映。", chosen(target, true)),
                            "王秘书");
                    taught++;
                }
                ctx.tagging().retrain();
            }
            assertThat(ctx.tagging().tagger().suggest(probe).get(0).area()).isEqualTo(target);
            // 20, was 10: 广场舞 is now an everyday noise word and a synonym phrase of area 3, so the zero-shot answer
            // is surer and two rounds of corrections overturn it (a larger learning weight would, after 10, but it
            // costs the real held-out learning curve 3 to 8 points: docs/tagging.md).
            assertThat(taught).as("a station's own vocabulary is learned from a few corrections")
                    .isLessThanOrEqualTo(20);
        }
        try (AppContext reopened = AppContext.open(dir.resolve("learn.db"), Messages.forLanguage("zh"))) {
            assertThat(reopened.tagging().tagger().suggest(probe).get(0).area()).as("learned after restart too")
                    .isIn(3, 4);
        }
    }

    @Test
    void aSecondReportGivesASecondTaxonomyVersionAndOldTagsKeepTheirs() throws Exception {
        try (AppContext ctx = AppContext.open(dir.resolve("versions.db"), Messages.forLanguage("zh"))) {
            Opinion old = ctx.opinionService().record(input("村道太窄,两辆车交会都困难,希望拓宽农村公路。"), "c");
            String firstVersion = old.tags().get(0).taxonomyVersion();
            String nextYear = Files.readString(Path.of("seeds/hangzhou-npc-2023-main-tasks.txt"))
                    .replace("2023年", "2024年").replace("农村公路管理条例", "农村公路养护条例");
            Taxonomy second = ctx.tagging().loadReport(nextYear);
            assertThat(second.version()).isNotEqualTo(firstVersion).startsWith("2024-");
            Opinion fresh = ctx.opinionService().record(input("村里的道路坑坑洼洼,希望修一修农村公路。"), "c");
            assertThat(fresh.tags().get(0).taxonomyVersion()).isEqualTo(second.version());
            assertThat(ctx.opinionService().find(old.id()).orElseThrow().tags().get(0).taxonomyVersion())
                    .isEqualTo(firstVersion);
            assertThat(ctx.tagging().taxonomyVersions()).extracting(v -> v.version()).contains(second.version());
        }
    }

    /** Next year's report dropped into the seeds folder becomes the taxonomy the next time the tagger is built. */
    @Test
    void aNewerReportInTheSeedsFolderIsPickedUp() throws Exception {
        Path seeds = Files.createDirectories(dir.resolve("seeds"));
        String report = Files.readString(Path.of("seeds/hangzhou-npc-2023-main-tasks.txt"));
        Files.writeString(seeds.resolve("hangzhou-npc-2023-main-tasks.txt"), report);
        Files.writeString(seeds.resolve("notes.txt"), "不是报告");
        String before;
        System.setProperty("liaisondesk.seedDir", seeds.toString());
        try {
            try (AppContext ctx = AppContext.open(dir.resolve("seeded.db"), Messages.forLanguage("zh"))) {
                before = ctx.tagging().tagger().taxonomyVersion();
                assertThat(before).startsWith("2023-");
            }
            Files.writeString(seeds.resolve("hangzhou-npc-2024-main-tasks.txt"), report.replace("2023年", "2024年"));
            try (AppContext ctx = AppContext.open(dir.resolve("seeded.db"), Messages.forLanguage("zh"))) {
                assertThat(ctx.tagging().tagger().taxonomyVersion()).startsWith("2024-");
                assertThat(ctx.tagging().taxonomyVersions()).hasSize(2);
            }
        } finally {
            System.clearProperty("liaisondesk.seedDir");
        }
    }

    @Test
    void aTextThatIsNotAReportIsRefused() {
        try (AppContext ctx = AppContext.open(dir.resolve("bad.db"), Messages.forLanguage("zh"))) {
            assertThatThrownBy(() -> ctx.tagging().loadReport("会议纪要:今天讨论了停车问题。"))
                    .isInstanceOf(UserFacingException.class);
            assertThat(ctx.tagging().taxonomyVersions()).isEmpty();
        }
    }
}
