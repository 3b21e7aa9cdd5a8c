package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.service.HandlingService;

/**
 * The report's handling section reads the lifecycle: matters assigned, replied, fed back, visited and closed through
 * the real commands; the report's 办结率 / 按时办结率 / 满意率 / 回访率 equal the dashboard's
 * ({@link HandlingService#rates}) and its overdue table lists exactly what {@code overdue --json} lists.
 */
class ReportHandlingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theHandlingSectionHasTheDashboardsRatesAndTheOverdueList() throws Exception {
        Path db = dir.resolve("gs.db");
        CliRun cli = new CliRun(db);
        cli.ok("init", "--station", "HZ-000", "--name", "西湖区人大代表联络总站", "--mode", "general");
        cli.ok("units", "add", "JD-01", "--name", "翠苑街道办事处", "--kind", "street");
        cli.ok("units", "add", "CG-01", "--name", "区城管局", "--kind", "district-dept");
        List<String> ids = new ArrayList<>();
        String[] texts = {"小区门口道路坑洼,下雨积水严重", "菜场门口占道经营,早上电动车过不去",
            "公交站台没有遮雨棚,老人等车不便", "希望社区多办几场老年人防诈骗讲座", "邻居装修纠纷,已起诉到法院"};
        for (String t : texts) {
            ids.add(cli.ok("add", "--received", "2026-11-0" + (ids.size() + 1), "--text", t).strip());
        }
        String a = ids.get(0);
        String b = ids.get(1);
        String c = ids.get(2);
        String e = ids.get(4);
        // Assigned on 2026-11-06; b was due on 2026-11-20 and has had no reply since: overdue.
        ZoneId zone = ZoneId.systemDefault();
        Clock early = Clock.fixed(LocalDate.of(2026, 11, 6).atStartOfDay(zone).toInstant(), zone);
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"), early)) {
            HandlingService h = app.handling();
            h.assign(UUID.fromString(a), new HandlingService.Assignment("JD-01", List.of(), null,
                    LocalDate.of(2099, 1, 5), "尽快修补", false), "tester");
            h.assign(UUID.fromString(b), new HandlingService.Assignment("CG-01", List.of(), null,
                    LocalDate.of(2026, 11, 20), null, false), "tester");
            h.assign(UUID.fromString(c), new HandlingService.Assignment("JD-01", List.of(), null,
                    LocalDate.of(2099, 1, 5), null, false), "tester");
        }
        cli.ok("sign", a);
        cli.ok("reply", a, "--text", "已安排施工队修补", "--signed-by", "李科长", "--outcome", "A");
        cli.ok("feedback", a, "--note", "电话告知");
        cli.ok("visit", a, "--rating", "satisfied");
        cli.ok("close", a);
        cli.ok("sign", c);
        cli.ok("reply", c, "--text", "已列入明年计划", "--signed-by", "王主任", "--outcome", "A");
        cli.ok("feedback", c);
        cli.ok("visit", c, "--rating", "dissatisfied", "--note", "等不了那么久");
        cli.ok("reject", e, "--reason", "已进入诉讼程序", "--referral", "court");

        HandlingService.Rates rates;
        try (AppContext app = AppContext.open(db, Messages.forLanguage("zh"))) {
            rates = app.handling().rates(null);
        }
        assertThat(rates.cases()).isEqualTo(4);
        assertThat(rates.closed()).isEqualTo(2);
        JsonNode overdue = JSON.readTree(cli.ok("overdue", "--json"));
        assertThat(overdue).hasSize(1);

        Path out = dir.resolve("月报.docx");
        cli.ok("report", "--period", "2026-11", "--out", out.toString());
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("已交办承办单位办理（含不予受理、转为代表建议）4 件，已办结 2 件，办结率 "
                    + rates.closedRate() + "%；按时办结率 " + rates.onTimeRate() + "%；群众评价满意率（满意和基本满意）"
                    + rates.satisfactionRate() + "%；回访率 " + rates.visitRate() + "%。")
                    .contains("超期未办结 1 件").doesNotContain("尚无交办");
            XWPFTable table = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getCell(1).getText().equals("承办单位")).findFirst().orElseThrow();
            List<String> numbers = new ArrayList<>();
            for (XWPFTableRow row : table.getRows().subList(1, table.getRows().size())) {
                numbers.add(row.getCell(0).getText());
                assertThat(row.getCell(1).getText()).isEqualTo("区城管局");
                assertThat(row.getCell(2).getText()).isEqualTo("2026年11月20日");
            }
            List<String> expected = new ArrayList<>();
            overdue.forEach(w -> expected.add(w.get("number").asText()));
            assertThat(numbers).isEqualTo(expected);
        }

        // A period in which nothing went to a unit says so instead of printing rates.
        cli.ok("add", "--received", "2026-10-15", "--text", "河道有异味,希望清理");
        Path october = dir.resolve("10月.docx");
        cli.ok("report", "--period", "2026-10", "--out", october.toString());
        try (InputStream in = Files.newInputStream(october); XWPFDocument doc = new XWPFDocument(in)) {
            String text = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(text).contains("尚无交办承办单位办理的事项，办结率、按时办结率、满意率和回访率暂无数据")
                    .doesNotContain("超期未办结");
        }
    }
}
