package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review}, {@code status} and {@code history} through the real command line. */
class ReviewCommandTest {

    @TempDir
    Path dir;

    private CliRunner cli;
    private String id;

    @BeforeEach
    void init() {
        cli = new CliRunner(dir.resolve("t.db"));
        assertThat(cli.run("init", "--station", "GS-001", "--name", "测试站").code()).isZero();
        CliRunner.Result added = cli.run("add", "--text", "小区门口道路坑洼,下雨积水严重,希望尽快修补");
        assertThat(added.code()).as(added.err()).isZero();
        id = added.out().strip();
    }

    @Test
    void reviewMoveOnAndCloseWithTheHistoryAsJson() throws Exception {
        CliRunner.Result reviewed = cli.run("--user", "王代表", "review", id, "--areas", "3,5", "--note", "请街道核实",
                "--priority", "urgent", "--handling", "street");
        assertThat(reviewed.code()).as(reviewed.err()).isZero();
        assertThat(reviewed.out()).contains("已审阅", "第 2 版");
        assertThat(cli.run("status", id, "handling").code()).isZero();
        CliRunner.Result closed = cli.run("status", id, "closed", "--reply", "路面已修补");
        assertThat(closed.code()).as(closed.err()).isZero();
        assertThat(closed.out()).contains("已办结", "第 4 版");

        CliRunner.Result history = cli.run("history", id, "--json");
        assertThat(history.code()).as(history.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(history.out());
        assertThat(doc.get("review").get("note").asText()).isEqualTo("请街道核实");
        assertThat(doc.get("review").get("priority").asText()).isEqualTo("urgent");
        assertThat(doc.get("review").get("handling").asText()).isEqualTo("street");
        assertThat(doc.get("review").get("reply").asText()).isEqualTo("路面已修补");
        assertThat(doc.get("history").findValuesAsText("action"))
                .containsExactly("review", "areas", "note", "priority", "handling", "status", "status", "reply");
        // No accounts in this database: the name is kept, marked as claimed by the operating-system user.
        assertThat(doc.get("history").get(0).get("actor").asText()).startsWith("os:").endsWith("/王代表");

        CliRunner.Result listed = cli.run("list", "--json");
        assertThat(listed.out()).contains("\"closed\"");
    }

    @Test
    void badInputExitsTwoWithAClearMessageAndChangesNothing() throws Exception {
        CliRunner.Result unknown = cli.run("review", id, "--areas", "4", "--handling", "later");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("later", "on-the-spot").doesNotContain("Exception");

        CliRunner.Result noReason = cli.run("review", id, "--areas", "4", "--handling", "rejected");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(noReason.err()).contains("理由");

        assertThat(cli.run("review", id, "--areas", "7").code()).isEqualTo(2);
        assertThat(cli.run("review", id, "--areas", "4", "--priority", "soon").code()).isEqualTo(2);
        assertThat(cli.run("status", id, "handling").code()).isEqualTo(2);
        assertThat(cli.run("status", id, "exported").code()).isEqualTo(2);

        assertThat(cli.run("review", id, "--areas", "4", "--handling", "rejected", "--reason", "已进入诉讼程序")
                .code()).isZero();
        CliRunner.Result noReply = cli.run("status", id, "closed");
        assertThat(noReply.code()).isEqualTo(2);
        assertThat(noReply.err()).contains("答复");
        assertThat(cli.run("history", "not-an-id").code()).isEqualTo(2);

        JsonNode doc = new ObjectMapper().readTree(cli.run("history", id, "--json").out());
        assertThat(doc.get("history").findValuesAsText("revision")).containsOnly("2");
        assertThat(doc.get("review").get("reason").asText()).isEqualTo("已进入诉讼程序");
    }
}
