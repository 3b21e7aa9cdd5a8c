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
}
