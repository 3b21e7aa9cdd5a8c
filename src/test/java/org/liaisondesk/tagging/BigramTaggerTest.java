package org.liaisondesk.tagging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BigramTaggerTest {

    private static BigramTagger tagger;

    @BeforeAll
    static void load() {
        tagger = BigramTagger.loadDefault();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "村支部能不能每月组织党员学习一次党的二十大精神|1",
            "退休老党员也想参加主题教育,希望支部通知我们|1",
            "开饭店办许可证要跑好几趟,审批太慢|2",
            "小企业融资难,银行贷款门槛太高|2",
            "跨境电商出口退税手续复杂,希望简化|2",
            "工地晚上施工太吵,根本睡不着|3",
            "亚运场馆比赛结束以后能不能免费给市民锻炼|3",
            "公交站的英文翻译错了好几个字母|3",
            "老人没人照顾,子女都在外地上班|4",
            "村道太窄,拖拉机和汽车没法会车|4",
            "孩子没地方托管,双职工家庭很为难|4",
            "渣土车开得飞快,泥土撒得满路都是|4",
            "人大代表接待日能不能放在周六|5",
            "我们提交的代表建议半年了还没答复|5",
            "人大机关要改进作风,少搞形式主义|6",
            "人大监督要动真碰硬,整改不到位要问责|6"})
    void everydaySentencesLandInTheirArea(String text, int area) {
        List<Suggestion> s = tagger.suggest(text);
        assertThat(s).isNotEmpty();
        assertThat(s.get(0).area()).as(s.toString()).isEqualTo(area);
        assertThat(s.get(0).subtopicId()).startsWith(area + ".");
        assertThat(s.get(0).clause()).isNotBlank();
    }

    /** How a resident addresses the station is not what the opinion is about: these stay in their own area. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "人大代表联络站的同志:对面工地天天干到半夜,麻烦代表帮我们反映一下|3",
            "尊敬的代表:学校门口早上堵得厉害,孩子过马路很危险,希望给个答复|4",
            "我借这个机会说两句,菜场卫生太差,老鼠到处跑,请代表帮忙呼吁一下|3"})
    void framingAddressedToTheStationDoesNotPullTowardsItsWork(String text, int area) {
        List<Suggestion> s = tagger.suggest(text);
        assertThat(s).isNotEmpty();
        assertThat(s.get(0).area()).as(s.toString()).isEqualTo(area);
    }

    @Test
    void framingIsCutWithoutJoiningTheWordsAroundIt() {
        assertThat(tagger.withoutFraming("人大代表联络站的同志:路灯坏了,麻烦代表看看"))
                .doesNotContain("代表").contains("路灯坏了");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "非常感谢你们,上次的事情已经解决了。",
            "请问户口迁移去哪里办?",
            "帮我查一下我的公积金余额。",
            "我和邻居吵架了,想请你们评评理。",
            "今天天气不错。",
            "",
            "   ,。!"})
    void abstainsWhenNoTaskFits(String text) {
        assertThat(tagger.suggest(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "上次反映的小区加装电梯的事已经解决了,今天专门来说一声谢谢。",
            "今天没有要反映的,就是路过进来坐坐,联络站办得真好,有人听我们说话。"})
    void nothingToRaiseOutweighsAMatterMentionedInPassing(String text) {
        assertThat(tagger.suggest(text)).isEmpty();
    }

    @Test
    void gratitudeWithAClearPublicMatterIsStillTagged() {
        assertThat(tagger.suggest("谢谢代表,希望社区早日开办普惠托育点,解决孩子没人带的难题。"))
                .first().extracting(Suggestion::area).isEqualTo(4);
    }

    @Test
    void suggestionsAreBestFirstWithConfidencesAndNoDuplicates() {
        List<Suggestion> s = tagger.suggest("建筑工地的渣土车沿路撒漏,噪音也很大,影响城市环境。");
        assertThat(s).hasSizeBetween(1, AreaScores.MAX_SUGGESTIONS);
        assertThat(s).extracting(Suggestion::score).isSortedAccordingTo((a, b) -> Double.compare(b, a))
                .allMatch(x -> x > 0 && x < 1);
        assertThat(s).extracting(Suggestion::area).doesNotHaveDuplicates();
        assertThat(s.get(0).score()).isGreaterThanOrEqualTo(AreaScores.NONE_LEVEL);
    }

    @Test
    void fullWidthAndCaseAreFolded() {
        assertThat(tagger.suggest("ＫＴＶ太吵了,半夜还在唱")).isEqualTo(tagger.suggest("ktv太吵了,半夜还在唱"));
    }

    @Test
    void reportsTheTaxonomyVersion() {
        assertThat(tagger.taxonomyVersion()).isEqualTo(Taxonomy.loadDefault().version());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "住宅顶层漏水，墙体开裂|4",
            "村里的灌溉水渠破损，水到不了农田，种不了水稻|4",
            "公司拖欠我们两个月工资，辞职以后一直不给结算|4",
            "小区冬天暖气不热，室温只有十六度，老人孩子都感冒了|4",
            "2016年棚改搬走的，说两年回迁，现在房子还没盖起来|4",
            "房子交了十几年了，房产证一直办不下来|4",
            "公积金提取太麻烦，材料交了三次还不行|4"})
    void topicsTheReportNeverNamesLandInTheLivelihoodArea(String text, int area) {
        assertThat(tagger.suggest(text)).first().extracting(Suggestion::area).isEqualTo(area);
    }

    @Test
    void anEverydayTopicIsShownAsThePathToItsClause() {
        Suggestion s = tagger.suggest("小区冬天暖气不热，室温只有十六度").get(0);
        assertThat(s.clause()).contains("热点难题");
        assertThat(s.path()).isNotNull();
        assertThat(s.path().kind()).isEqualTo(Suggestion.Path.TOPIC);
        assertThat(s.path().category()).isEqualTo("城乡建设");
        assertThat(s.path().topic()).isEqualTo("供暖");
        assertThat(s.path().words()).contains("暖气", "室温");
        assertThat(s.path().describe()).isEqualTo("暖气、室温 → 城乡建设 › 供暖");
    }

    @Test
    void aDilapidatedDitchIsFarmWaterNotCulture() {
        // "年久失修" once sent this to 促进文化兴盛 (old buildings): the clause shown must be the reason
        Suggestion s = tagger.suggest("村里灌溉水渠年久失修,田里缺水").get(0);
        assertThat(s.clause()).contains("山塘水库").doesNotContain("文化");
        assertThat(s.path().topic()).isEqualTo("灌溉与农田水利");
    }

    @Test
    void aRoadThroughTheScienceCorridorIsNotAReasonForAreaTwo() {
        List<Suggestion> s = tagger.suggest("科创大道上的公交车太少了，早高峰等半个小时");
        assertThat(s).first().extracting(Suggestion::area).isEqualTo(4);
        assertThat(s).noneMatch(x -> x.area() == 2 && x.clause() != null && x.clause().contains("科创"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "没想到问题这么快就解决了，给你们点个赞！",
            "现在小区的垃圾已经清理了，工作人员态度也好，谢谢你们。",
            "官司打赢了，钱却拿不回来，法院判决执行不了怎么办"})
    void thanksAndLitigationGetNoArea(String text) {
        assertThat(tagger.suggest(text)).isEmpty();
    }

    @Test
    void residentsMentioningDeputiesAreNotTaggedAsTheCommitteesOwnWork() {
        List<Suggestion> s = tagger.suggest("居民代表反映，小区电梯经常困人，希望代表联系物业尽快修好，提高幸福感");
        assertThat(s).first().extracting(Suggestion::area).isEqualTo(4);
        assertThat(s).noneMatch(x -> x.area() == 6 || x.area() == 1);
    }

    @Test
    void aClauseIsShownOnlyWhenItIsTheReason() {
        for (String text : List.of("住宅顶层漏水，墙体开裂", "夜里工地打桩，吵得睡不着", "村道太窄，会车困难")) {
            for (Suggestion s : tagger.suggest(text)) {
                if (s.clause() != null && s.path() != null && Suggestion.Path.TOPIC.equals(s.path().kind())) {
                    assertThat(s.path().words()).allMatch(text::contains);
                }
            }
        }
    }
}
