package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search}, {@code list --query}, {@code similar} and {@code clusters} through the real command line. */
class SearchCommandTest {

    @TempDir
    Path dir;

    private String db;
    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        int code = new Cli(new PrintWriter(o, true), new PrintWriter(e, true)).execute(all.toArray(String[]::new));
        out = o.toString();
        err = e.toString();
        return code;
    }

    private String add(String text, String... more) {
        List<String> args = new ArrayList<>(List.of("add", "--text", text));
        args.addAll(List.of(more));
        assertThat(run(args.toArray(String[]::new))).as(err).isZero();
        return out.strip();
    }

    private List<String> texts(String... args) throws Exception {
        assertThat(run(args)).as(err).isZero();
        List<String> texts = new ArrayList<>();
        for (JsonNode n : new ObjectMapper().readTree(out)) {
            texts.add(n.get("text").asText());
            assertThat(n.has("id") && n.has("station") && n.has("receivedAt") && n.has("areas")).isTrue();
        }
        return texts;
    }

    @BeforeEach
    void init() {
        db = dir.resolve("t.db").toString();
        assertThat(run("init", "--station", "GS-001", "--name", "测试站")).as(err).isZero();
    }

    @Test
    void searchPrintsExactlyTheMatchingOpinionsAsJson() throws Exception {
        add("社区养老服务站只有一个工作人员");
        add("养老院和老年活动中心", "--channel", "phone");
        add("3号楼电梯坏了,打12345热线没人接");
        assertThat(texts("search", "养老", "--json")).containsExactlyInAnyOrder("社区养老服务站只有一个工作人员",
                "养老院和老年活动中心");
        assertThat(texts("search", "养老年", "--json")).isEmpty();
        assertThat(texts("search", "12345热线", "--json")).containsExactly("3号楼电梯坏了,打12345热线没人接");
        assertThat(texts("search", "养老", "--channel", "phone", "--json")).containsExactly("养老院和老年活动中心");
        assertThat(texts("search", "老", "--limit", "1", "--json")).hasSize(1);
        assertThat(texts("list", "--query", "养老", "--json")).containsExactlyInAnyOrder("养老院和老年活动中心",
                "社区养老服务站只有一个工作人员");
        for (String q : List.of("\"", "*", "AND", "NEAR", "-", "(", "\"*AND(", "')")) {
            assertThat(texts("search", q, "--json")).as(q).isEmpty();
        }
    }

    @Test
    void badInputIsRejectedWithAMessage() {
        assertThat(run("search", " ", "--json")).isEqualTo(Cli.REJECTED);
        assertThat(err).contains("请输入要搜索的文字");
        assertThat(run("search", "养老", "--status", "nope")).isEqualTo(Cli.REJECTED);
        assertThat(run("similar", "not-an-id")).isEqualTo(Cli.REJECTED);
        assertThat(err).contains("not-an-id").doesNotContain("Exception");
        assertThat(run("similar", "3f2c1a9e-5b7d-4c1e-9a0b-2d4e6f8a1c3b")).isEqualTo(Cli.REJECTED);
        assertThat(run("clusters", "--min-size", "1")).isEqualTo(Cli.REJECTED);
        assertThat(run("search")).isEqualTo(Cli.USAGE);
    }

    @Test
    void similarAndClustersFindTheSameMatter() throws Exception {
        String a = add("幸福小区3号楼门口的路灯坏了一个多月,晚上出门黑乎乎的,请尽快修好。");
        String b = add("幸福小区3号楼前面那盏路灯一直不亮,已经一个多月了,老人晚上出门很不安全,希望派人来修。");
        add("夜市的油烟和噪音扰民,周边居民晚上无法入睡。");
        assertThat(run("similar", a, "--json")).as(err).isZero();
        JsonNode similar = new ObjectMapper().readTree(out);
        assertThat(similar).hasSize(1);
        assertThat(similar.get(0).get("id").asText()).isEqualTo(b);
        assertThat(similar.get(0).get("score").asDouble()).isBetween(0.35, 1.0);

        assertThat(run("clusters", "--json")).as(err).isZero();
        JsonNode clusters = new ObjectMapper().readTree(out);
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("size").asInt()).isEqualTo(2);
        assertThat(clusters.get(0).get("stations").get(0).asText()).isEqualTo("GS-001");
        assertThat(run("clusters")).isZero();
        assertThat(out).contains("此事项:2 条意见,来自 1 个联络站");
    }

    @Test
    void helpDescribesTheNewCommandsInBothLanguages() {
        assertThat(run("--help")).isZero();
        assertThat(out).contains("search", "similar", "clusters");
        assertThat(run("search", "--help")).isZero();
        assertThat(out).contains("全文搜索", "--station");
        assertThat(run("--lang", "en", "clusters", "--help")).isZero();
        assertThat(out).contains("Groups of opinions raising one matter", "--min-size");
    }
}
