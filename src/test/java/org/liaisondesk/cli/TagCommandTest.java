package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tagsJsonLinesBestFirstWithClausesAndAbstains() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("t.db"));
        CliRunner.Result r = cli.runWithInput("""
                {"id": "a", "text": "小区门口的工地每天晚上十一点还在施工,噪音太大,孩子没法睡觉。"}
                {"id": 7, "text": "村里的道路太窄了,两辆车会车都困难,希望拓宽农村公路。"}
                {"id": "c", "text": "上次反映的事情已经解决了,非常感谢。"}
                """, "tag");
        assertThat(r.code()).as(r.err()).isZero();
        List<JsonNode> lines = r.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).get("areas").get(0).get("area").asInt()).isEqualTo(3);
        assertThat(lines.get(0).get("areas").get(0).get("clause").asText()).isNotBlank();
        assertThat(lines.get(0).get("areas").get(0).get("score").isNumber()).isTrue();
        assertThat(lines.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(lines.get(1).get("areas").get(0).get("area").asInt()).isEqualTo(4);
        assertThat(lines.get(2).get("areas")).isEmpty();
    }

    private static JsonNode byText(JsonNode list, String part) {
        for (JsonNode n : list) {
            if (n.get("text").asText().contains(part)) {
                return n;
            }
        }
        throw new AssertionError("no opinion containing " + part);
    }

    @Test
    void malformedLineIsRejectedWithItsLineNumber() {
        CliRunner.Result r = new CliRunner(dir.resolve("t.db")).runWithInput(
                "{\"id\": 1, \"text\": \"噪音扰民\"}\n这不是JSON\n", "tag");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("第 2 行").doesNotContain("Exception");
    }

    @Test
    void addTagsAutomaticallyWithPrimaryFirst() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("t.db"));
        cli.run("init", "--station", "GS-001", "--name", "测试站");
        cli.run("add", "--text", "社区养老服务站只有一个工作人员,老人没人照顾,希望增加人手。");
        cli.run("add", "--text", "我想问一下去哪里办理护照。");
        JsonNode list = JSON.readTree(cli.run("list", "--json").out());
        JsonNode care = byText(list, "养老服务站");
        JsonNode passport = byText(list, "护照");
        assertThat(care.get("areas").get(0).asInt()).isEqualTo(4);
        JsonNode tag = care.get("tags").get(0);
        assertThat(tag.get("primary").asBoolean()).isTrue();
        assertThat(tag.get("source").asText()).isEqualTo("auto");
        assertThat(tag.get("clause").asText()).isNotBlank();
        assertThat(tag.get("taxonomyVersion").asText()).startsWith("2023-");
        assertThat(passport.get("areas")).as("a personal request fits no area").isEmpty();
        JsonNode stats = JSON.readTree(cli.run("stats", "--json").out());
        assertThat(stats.get("byArea").get("4").asInt()).isEqualTo(1);
        assertThat(stats.get("byArea").get("none").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(cli.run("list", "--area", "4", "--json").out())).hasSize(1);
        assertThat(JSON.readTree(cli.run("list", "--area", "0", "--json").out())).hasSize(1);
    }
}
