package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void retagRenewsTaggerTagsOfOldVersionsAndKeepsPeoplesChoices() throws Exception {
        Path db = dir.resolve("t.db");
        CliRunner cli = new CliRunner(db);
        cli.run("init", "--station", "GS-001", "--name", "测试站");
        cli.run("add", "--text", "社区养老服务站只有一个工作人员,老人没人照顾,希望增加人手。");
        cli.run("add", "--text", "村里的道路太窄了,两辆车会车都困难,希望拓宽农村公路。");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("UPDATE opinion_tag SET taxonomy_version='2000-old'");
            st.execute("UPDATE opinion_tag SET source='clerk', set_by='王芳', area=6 WHERE opinion_id IN "
                    + "(SELECT id FROM opinion WHERE text LIKE '%道路%')");
        }

        CliRunner.Result r = cli.run("retag");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("已重新归类 1 条意见");
        JsonNode list = JSON.readTree(cli.run("list", "--json").out());
        for (JsonNode o : list) {
            JsonNode tag = o.get("tags").get(0);
            if (o.get("text").asText().contains("养老")) {
                assertThat(tag.get("source").asText()).isEqualTo("auto");
                assertThat(tag.get("area").asInt()).isEqualTo(4);
                assertThat(tag.get("taxonomyVersion").asText()).startsWith("2023-");
            } else {
                assertThat(tag.get("source").asText()).isEqualTo("clerk");
                assertThat(tag.get("area").asInt()).isEqualTo(6);
                assertThat(tag.get("taxonomyVersion").asText()).isEqualTo("2000-old");
            }
        }
        assertThat(cli.run("retag").out()).as("nothing of an old version is left").contains("已重新归类 0 条意见");
        assertThat(cli.run("retag", "--all").out()).contains("已重新归类 1 条意见");
    }

    @Test
    void retagHelpInBothLanguages() {
        CliRunner cli = new CliRunner(dir.resolve("t.db"));
        assertThat(cli.run("retag", "--help").out()).contains("人工选择或纠正过的归类一概不动");
        assertThat(cli.run("--lang", "en", "retag", "--help").out()).contains("never touched");
    }
}
