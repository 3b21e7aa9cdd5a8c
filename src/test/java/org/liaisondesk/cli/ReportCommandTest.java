package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.i18n.Messages;

/**
 * {@code report}, {@code form} and {@code reception} through the real command line; the report read back with POI,
 * its figures checked against {@code stats --period --json} for the same period.
 */
class ReportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun cli;

    @BeforeEach
    void station() {
        cli = new CliRun(dir.resolve("t.db"));
        cli.ok("init", "--station", "GS-001", "--name", "翠苑街道人大代表联络站");
        String[][] opinions = {
            {"2026-11-03", "visit", "小区门口的路灯坏了一个多月,晚上出门很危险"},
            {"2026-11-05", "phone", "对面工地每天晚上十一点还在打桩,孩子睡不着"},
            {"2026-11-05", "visit", "对面工地每天晚上十一点还在打桩,孩子睡不着觉"},
            {"2026-11-12", "letter", "希望社区多办几场老年人防诈骗讲座"},
            {"2026-11-20", "deputy-visit", "老小区加装电梯的补贴什么时候能落实"},
            {"2026-11-28", "online", "公交 52 路早高峰太挤,能不能加密班次"},
            {"2026-10-15", "visit", "菜市场周边停车太难"},
            {"2025-11-15", "visit", "河道有异味,希望清理"},
        };
        for (String[] o : opinions) {
            cli.ok("add", "--received", o[0], "--channel", o[1], "--text", o[2], "--name", "张三丰",
                    "--phone", "13812345678", "--address", "翠苑一区12幢3单元");
        }
    }

    @Test
    void aMonthlyReportsFiguresEqualStatsForTheSamePeriod() throws Exception {
        cli.ok("reception", "add", "--date", "2026-11-12", "--place", "翠苑街道代表联络站", "--deputies",
                "王代表,李代表", "--residents", "7");
        Path out = dir.resolve("月报.docx");

        CliRun.Result r = cli.run("report", "--period", "2026-11", "--format", "docx", "--out", out.toString());

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode stats = JSON.readTree(cli.ok("stats", "--period", "2026-11", "--json"));
        assertThat(stats.get("opinions").asLong()).isEqualTo(6);
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("翠苑街道人大代表联络站2026年11月群众意见建议情况月报")
                    .contains("本月共收集群众意见建议 6 条,环比增长 500.0%(上月 1 条),同比增长 500.0%(上年同期 1 条)"
                            .replace(',', '，').replace('(', '（').replace(')', '）'))
                    .contains("一、总体情况").contains("七、代表履职情况")
                    .contains("共组织代表接待日活动 1 次,2 名代表参加,接待群众 7 人次".replace(',', '，'))
                    .contains("按时办结率、满意率")
                    .doesNotContain("13812345678").doesNotContain("张三丰");
            List<XWPFTable> tables = doc.getTables();
            Map<String, Long> byArea = column(tables.get(0));
            Map<String, Long> expectedAreas = new LinkedHashMap<>();
            stats.get("byArea").fields().forEachRemaining(e -> expectedAreas.put(e.getKey(), e.getValue().asLong()));
            assertThat(List.copyOf(byArea.values()).subList(0, 7)).isEqualTo(List.copyOf(expectedAreas.values()));
            assertThat(byArea.get("合计")).isEqualTo(stats.get("opinions").asLong());

            Messages zh = Messages.forLanguage("zh");
            Map<String, Long> byChannel = column(tables.get(1));
            Map<String, Long> expectedChannels = new LinkedHashMap<>();
            stats.get("byChannel").fields().forEachRemaining(e -> expectedChannels.put(
                    zh.get("channel." + e.getKey()), e.getValue().asLong()));
            expectedChannels.put("合计", stats.get("opinions").asLong());
            assertThat(byChannel).containsExactlyInAnyOrderEntriesOf(expectedChannels);
            assertThat(doc.getAllPictures()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void theSameDataGivesTheSameReportText() throws Exception {
        Path a = dir.resolve("a.docx");
        Path b = dir.resolve("b.docx");
        cli.ok("report", "--period", "2026-Q4", "--out", a.toString());
        cli.ok("report", "--period", "2026-Q4", "--out", b.toString());
        assertThat(text(a)).isEqualTo(text(b)).contains("2026年第四季度").contains("本季度共收集群众意见建议 7 条");
    }

    @Test
    void aPeriodThatCannotBeReadIsAClearErrorWithExit2() {
        CliRun.Result r = cli.run("report", "--period", "2026-13", "--out", dir.resolve("x.docx").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2026-13").doesNotContain("Exception");
        assertThat(cli.run("report", "--period", "2026", "--format", "odt", "--out", dir.resolve("x.odt").toString())
                .code()).isEqualTo(2);
    }

    @Test
    void formsAndDutyRecords() throws Exception {
        String id = JSON.readTree(cli.ok("list", "--json", "--limit", "1")).get(0).get("id").asText();
        Path day = dir.resolve("一天.docx");
        assertThat(cli.ok("form", "register", "--date", "2026-11-05", "--out", day.toString())).contains("2");
        Path notice = dir.resolve("公告.docx");
        cli.ok("form", "notice", "--date", "2026-12-12", "--time", "9:00-11:30", "--place", "翠苑街道代表联络站",
                "--deputies", "王代表、李代表", "--out", notice.toString());
        assertThat(text(notice)).contains("人大代表接待选民公告").contains("2026年12月12日(星期六)9:00-11:30"
                .replace('(', '（').replace(')', '）')).contains("王代表、李代表");
        assertThat(cli.run("form", "register", "--date", "2020-01-01", "--out", day.toString()).code()).isEqualTo(2);

        cli.ok("reception", "add", "--date", "2026-03-01", "--place", "站内", "--deputies", "王代表", "--residents",
                "4");
        cli.ok("reception", "add", "--date", "2026-06-01", "--place", "站内", "--deputies", "王代表,李代表",
                "--residents", "6");
        assertThat(cli.run("reception", "add", "--date", "2026-06-01", "--place", "站内", "--deputies", " ")
                .code()).isEqualTo(2);
        JsonNode days = JSON.readTree(cli.ok("reception", "list", "--json"));
        assertThat(days).hasSize(2);
        JsonNode duty = JSON.readTree(cli.ok("reception", "duty", "--year", "2026", "--json"));
        assertThat(duty).hasSize(2);
        JsonNode wang = duty.get(duty.get(0).get("deputy").asText().equals("王代表") ? 0 : 1);
        assertThat(wang.get("receptions").asLong()).isEqualTo(2);
        assertThat(wang.get("residents").asLong()).isEqualTo(10);

        // Once the station has accounts, a run that proves none sees the details masked as for a deputy without
        // consent (without accounts, the operating-system user is the station's own operator and sees them).
        CliRunner operator = new CliRunner(dir.resolve("t.db"));
        assertThat(operator.runWithInput("admin-pass-1\n", "user", "add", "站长", "--role", "admin",
                "--password-stdin").code()).isZero();
        Path register = dir.resolve("登记表.docx");
        assertThat(operator.run("form", "register", "--opinion", id, "--out", register.toString()).code()).isZero();
        String reg = text(register);
        assertThat(reg).contains("群众来访接待登记表").contains("138****5678").contains("张**")
                .doesNotContain("13812345678");
    }

    /** First column → second column of a table's body rows, as numbers. */
    private static Map<String, Long> column(XWPFTable table) {
        Map<String, Long> out = new LinkedHashMap<>();
        List<XWPFTableRow> rows = table.getRows();
        for (XWPFTableRow row : rows.subList(1, rows.size())) {
            out.put(row.getCell(0).getText(), Long.parseLong(row.getCell(1).getText()));
        }
        return out;
    }

    private static String text(Path docx) throws Exception {
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            StringBuilder s = new StringBuilder();
            doc.getParagraphs().forEach(p -> s.append(p.getText()).append('\n'));
            doc.getTables().forEach(t -> s.append(t.getText()).append('\n'));
            return s.toString();
        }
    }
}
