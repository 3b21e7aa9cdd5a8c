package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13, the rest of the loop on the command line: reply templates, follow-ups, dry runs, rates. */
class LoopMoreCommandsTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    /** Runs with {@code input} on standard input. */
    private static CliRun.Result withInput(Path db, String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Cli cli = new Cli(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintWriter(out, true),
                new PrintWriter(err, true));
        String[] all = new String[args.length + 4];
        all[0] = "--db";
        all[1] = db.toString();
        all[2] = "--user";
        all[3] = "tester";
        System.arraycopy(args, 0, all, 4, args.length);
        return new CliRun.Result(cli.execute(all), out.toString(), err.toString());
    }

    private JsonNode only(CliRun db, String id) throws Exception {
        for (JsonNode o : json.readTree(db.ok("list", "--json"))) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no opinion " + id);
    }

    @Test
    void replyTemplatesAreEditedResetAndFillInExplanationAndFeedbackAndGoDownToTheStation() throws Exception {
        Path gsDb = dir.resolve("general.db");
        CliRun general = new CliRun(gsDb);
        CliRun east = new CliRun(dir.resolve("east.db"));
        Path usb = Files.createDirectories(dir.resolve("usb"));
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        east.ok("init", "--station", "GS-007", "--name", "湖滨街道联络站");
        JsonNode listed = json.readTree(general.ok("templates", "--json"));
        assertThat(listed).hasSize(5);
        assertThat(listed.get(0).get("key").asText()).isEqualTo("outcome.A");
        assertThat(listed.get(0).get("edited").asBoolean()).isFalse();

        CliRun.Result set = withInput(gsDb, "问题已解决,谢谢您的监督。\n如有反复请再联系。\n", "templates", "set",
                "outcome.A", "--text-stdin");
        assertThat(set.code()).as(set.err()).isZero();
        assertThat(general.ok("templates")).contains("outcome.A\t*\t问题已解决,谢谢您的监督。 如有反复请再联系。");
        assertThat(withInput(gsDb, "x", "templates", "set", "outcome.Z", "--text-stdin").code()).isEqualTo(2);
        assertThat(withInput(gsDb, "  \n", "templates", "set", "feedback", "--text-stdin").code()).isEqualTo(2);
        assertThat(withInput(gsDb, "已电话告知。", "templates", "set", "feedback", "--text-stdin").code()).isZero();

        // used where the text is left out
        String a = east.ok("add", "--text", "路灯坏了一个月没人修").strip();
        east.ok("export", "--out", usb.toString());
        general.ok("import", usb.toString());
        general.ok("units", "add", "JD-01", "--name", "湖滨街道办事处", "--kind", "street");
        general.ok("assign", a, "--unit", "JD-01");
        general.ok("reply", a, "--text", "已修复", "--signed-by", "李科长", "--outcome", "A");
        general.ok("feedback", a);
        String history = general.ok("--lang", "en", "history", a);
        assertThat(history).contains("问题已解决,谢谢您的监督。", "已电话告知。");

        // reset: back to the built-in text; the station's set follows the general station's
        assertThat(general.ok("templates", "reset", "feedback")).contains("feedback");
        assertThat(general.ok("--lang", "en", "templates", "reset", "feedback")).contains("was not edited");
        assertThat(general.ok("templates")).contains("feedback\t\t已将承办单位的答复告知反映人。");
        general.ok("export", "--out", usb.toString());
        east.ok("import", usb.toString());
        assertThat(east.ok("templates")).contains("outcome.A\t*\t问题已解决", "feedback\t\t已将承办单位");
    }

    @Test
    void aDryRunOfOpinionBatchesReportsWhatWouldBeImportedOrRejectedAndKeepsNothing() throws Exception {
        CliRun general = new CliRun(dir.resolve("general.db"));
        CliRun east = new CliRun(dir.resolve("east.db"));
        Path usb = Files.createDirectories(dir.resolve("usb"));
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        east.ok("init", "--station", "GS-007", "--name", "湖滨街道联络站");
        east.ok("add", "--text", "路灯坏了一个月没人修");
        east.ok("add", "--text", "菜场门口占道经营");
        Path batch = Path.of(east.ok("export", "--out", usb.toString()).strip().lines().filter(l -> l.contains(
                ".ldbatch")).findFirst().orElseThrow());
        String audit = general.ok("audit", "--json");

        String dry = general.ok("--lang", "en", "import", "--dry-run", usb.toString());
        assertThat(dry).contains("Dry run", "would import GS-007 batch 1", "2 new");
        assertThat(json.readTree(general.ok("list", "--json"))).isEmpty();
        assertThat(json.readTree(general.ok("stats", "--json")).get("batchesImported").asInt()).isZero();
        assertThat(general.ok("audit", "--json")).isEqualTo(audit);

        Path bad = Files.createDirectories(dir.resolve("bad")).resolve(batch.getFileName());
        Files.writeString(bad, Files.readString(batch).replace("路灯", "路X"));
        CliRun.Result rejected = general.run("--lang", "en", "import", "--dry-run", bad.toString());
        assertThat(rejected.code()).isEqualTo(2);
        assertThat(rejected.err()).contains("Dry run", "rejected");
        assertThat(general.ok("audit", "--json")).isEqualTo(audit);

        assertThat(general.ok("--lang", "en", "import", usb.toString())).contains("imported GS-007 batch 1");
        assertThat(json.readTree(general.ok("list", "--json"))).hasSize(2);
        assertThat(general.ok("--lang", "en", "import", "--dry-run", batch.toString())).contains("Dry run",
                "already imported");
    }

    @Test
    void handlingRatesByUnitAreaAndPeriodOnASmallHandBuiltCase() throws Exception {
        CliRun gs = new CliRun(dir.resolve("general.db"));
        gs.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        gs.ok("units", "add", "JD-01", "--name", "湖滨街道办事处", "--kind", "street");
        gs.ok("units", "add", "QJ-01", "--name", "区交通运输局", "--kind", "district-dept");
        String a = gs.ok("add", "--text", "小区门口道路坑洼", "--received", "2026-01-10").strip();
        String b = gs.ok("add", "--text", "楼道灯坏了", "--received", "2026-01-12").strip();
        String c = gs.ok("add", "--text", "公交站台没有遮雨棚", "--received", "2026-01-20").strip();
        String d = gs.ok("add", "--text", "路口红绿灯时间太短", "--received", "2026-02-03").strip();
        gs.ok("add", "--text", "未交办的意见", "--received", "2026-01-05");
        gs.ok("review", a, "--areas", "4");
        gs.ok("review", b, "--areas", "4");
        gs.ok("review", c, "--areas", "3");
        gs.ok("review", d, "--areas", "3");
        // a: closed after 满意; b: 不满意 (re-handling); c: B, fed back, not visited; d (February): assigned only
        gs.ok("assign", a, "--unit", "JD-01");
        gs.ok("reply", a, "--text", "已修补", "--signed-by", "李科长", "--outcome", "A");
        gs.ok("feedback", a);
        gs.ok("visit", a, "--rating", "satisfied");
        gs.ok("close", a);
        gs.ok("assign", b, "--unit", "JD-01");
        gs.ok("reply", b, "--text", "已更换", "--signed-by", "李科长", "--outcome", "A");
        gs.ok("feedback", b);
        gs.ok("visit", b, "--rating", "dissatisfied");
        gs.ok("assign", c, "--unit", "QJ-01");
        gs.ok("reply", c, "--text", "已列入计划", "--signed-by", "王科长", "--outcome", "B", "--promised",
                LocalDate.now().plusMonths(2).toString());
        gs.ok("feedback", c);
        gs.ok("assign", d, "--unit", "QJ-01");

        JsonNode byUnit = json.readTree(gs.ok("handling-stats", "--period", "2026-01", "--by", "unit", "--json"));
        assertThat(byUnit.get("from").asText()).isEqualTo("2026-01-01");
        JsonNode total = byUnit.get("total");
        assertThat(total.get("cases").asInt()).isEqualTo(3);
        assertThat(total.get("closedRate").asInt()).isEqualTo(33);
        assertThat(total.get("onTimeRate").asInt()).isEqualTo(100);
        assertThat(total.get("satisfactionRate").asInt()).isEqualTo(50);
        assertThat(total.get("visitRate").asInt()).isEqualTo(67);
        JsonNode jd = byUnit.get("groups").get(0);
        assertThat(jd.get("group").asText()).isEqualTo("JD-01");
        assertThat(jd.get("name").asText()).isEqualTo("湖滨街道办事处");
        assertThat(jd.get("cases").asInt()).isEqualTo(2);
        assertThat(jd.get("closedRate").asInt()).isEqualTo(50);
        assertThat(jd.get("satisfactionRate").asInt()).isEqualTo(50);
        assertThat(jd.get("visitRate").asInt()).isEqualTo(100);
        JsonNode qj = byUnit.get("groups").get(1);
        assertThat(qj.get("group").asText()).isEqualTo("QJ-01");
        assertThat(qj.get("cases").asInt()).isEqualTo(1);
        assertThat(qj.get("closedRate").asInt()).isZero();
        assertThat(qj.get("onTimeRate").isNull()).isTrue();
        assertThat(qj.get("satisfactionRate").isNull()).isTrue();
        assertThat(qj.get("visitRate").asInt()).isZero();

        JsonNode allTime = json.readTree(gs.ok("handling-stats", "--by", "unit", "--json"));
        assertThat(allTime.get("total").get("cases").asInt()).isEqualTo(4);
        assertThat(allTime.get("groups").get(1).get("cases").asInt()).isEqualTo(2);
        JsonNode byArea = json.readTree(gs.ok("handling-stats", "--period", "2026-01", "--by", "area", "--json"));
        assertThat(byArea.get("groups")).hasSize(2);
        assertThat(byArea.get("groups").get(0).get("group").asText()).isEqualTo("3");
        assertThat(byArea.get("groups").get(0).get("cases").asInt()).isEqualTo(1);
        assertThat(byArea.get("groups").get(1).get("group").asText()).isEqualTo("4");
        assertThat(byArea.get("groups").get(1).get("closedRate").asInt()).isEqualTo(50);
        assertThat(gs.ok("--lang", "en", "handling-stats", "--period", "2026-01", "--by", "unit"))
                .contains("JD-01\t2\t50%\t100%\t50%\t100%", "Total\t3\t33%\t100%\t50%\t67%");
        // follow-up on the command line: only a B/C reply has a promise to follow up
        assertThat(gs.run("follow-up", a, "--result", "done").code()).isEqualTo(2);
        gs.ok("follow-up", c, "--result", "still", "--note", "已立项", "--promised",
                LocalDate.now().plusMonths(3).toString());
        JsonNode listed = null;
        for (JsonNode o : json.readTree(gs.ok("list", "--json"))) {
            if (o.get("id").asText().equals(c)) {
                listed = o;
            }
        }
        assertThat(listed.get("followUp").asText()).isEqualTo("still");
        // nothing is overdue or due soon: remind says so and writes nothing
        Path notice = dir.resolve("remind.docx");
        assertThat(gs.ok("--lang", "en", "remind", "--out", notice.toString())).contains("no reminder needed");
        assertThat(notice).doesNotExist();
        assertThat(gs.run("handling-stats", "--by", "colour").code()).isEqualTo(2);
        assertThat(gs.run("handling-stats", "--period", "2026-13").code()).isEqualTo(2);
    }
}
