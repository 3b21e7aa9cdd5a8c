package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static List<String> texts(CliRunner cli) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(cli.run("list", "--json").out()).forEach(n -> out.add(n.get("number").asText() + n.get("text")));
        out.sort(String::compareTo);
        return out;
    }

    @Test
    void generatesReproducibleOpinionsAcrossAreasChannelsAndStations() throws Exception {
        CliRunner a = new CliRunner(dir.resolve("a.db"));
        CliRunner.Result r = a.run("generate", "--count", "1200", "--stations", "3", "--seed", "42");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1200");
        JsonNode stats = JSON.readTree(a.run("stats", "--json").out());
        assertThat(stats.get("opinions").asInt()).isEqualTo(1200);
        for (String area : new String[] {"1", "2", "3", "4", "5", "6", "none"}) {
            assertThat(stats.get("byArea").get(area).asInt()).as("area " + area).isPositive();
        }
        assertThat(stats.get("byStation").size()).isEqualTo(3);
        assertThat(stats.get("byChannel").size()).isEqualTo(6);

        CliRunner b = new CliRunner(dir.resolve("b.db"));
        b.run("generate", "--count", "1200", "--stations", "3", "--seed", "42");
        assertThat(texts(b)).isEqualTo(texts(a));
    }

    @Test
    void aStationGeneratesOnlyForItself() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("s.db"));
        cli.run("init", "--station", "GS-007", "--name", "湖滨街道人大代表联络站");
        cli.run("generate", "--count", "50", "--stations", "3");
        JsonNode stats = JSON.readTree(cli.run("stats", "--json").out());
        assertThat(stats.get("byStation").get("GS-007").asInt()).isEqualTo(50);
        assertThat(stats.get("byStation").size()).isEqualTo(1);
    }

    @Test
    void aDatabaseWithRealOpinionsIsRefusedUnlessDemo() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("real.db"));
        cli.run("init", "--station", "GS-007", "--name", "湖滨街道人大代表联络站");
        assertThat(cli.run("generate", "--count", "20").code()).isZero();
        assertThat(cli.run("generate", "--count", "20", "--seed", "2").code()).isZero(); // only generated ones so far
        assertThat(cli.run("add", "--text", "小区门口路灯坏了,晚上出行不安全").code()).isZero();

        CliRunner.Result refused = cli.run("generate", "--count", "20", "--seed", "3");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("1 条真实的群众意见", "--demo");
        assertThat(JSON.readTree(cli.run("stats", "--json").out()).get("opinions").asInt()).isEqualTo(41);

        assertThat(cli.run("generate", "--count", "20", "--seed", "3", "--demo").code()).isZero();
        assertThat(JSON.readTree(cli.run("stats", "--json").out()).get("opinions").asInt()).isEqualTo(61);
    }

    /** The opinions of the one batch {@code export} writes into {@code out} (its path is the output's last line). */
    private static JsonNode exported(CliRunner cli, Path out) throws Exception {
        Files.createDirectories(out);
        CliRunner.Result r = cli.run("export", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().strip().split("\\R");
        return JSON.readTree(Path.of(lines[lines.length - 1].strip()).toFile()).get("opinions");
    }

    @Test
    void generatedOpinionsAreMarkedCountedApartAndStayAtAStationWithRealOnes() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("mixed.db"));
        cli.run("init", "--station", "GS-007", "--name", "湖滨街道人大代表联络站");
        assertThat(cli.run("generate", "--count", "30").code()).isZero();
        CliRunner.Result added = cli.run("add", "--text", "小区门口路灯坏了,晚上出行不安全");
        assertThat(added.code()).as(added.err()).isZero();
        String realId = added.out().strip();

        JsonNode stats = JSON.readTree(cli.run("stats", "--json").out());
        assertThat(stats.get("opinions").asInt()).isEqualTo(31);
        assertThat(stats.get("generated").asInt()).isEqualTo(30);
        assertThat(cli.run("stats").out()).contains("模拟数据 30 条");

        List<String> real = new ArrayList<>();
        int generated = 0;
        for (JsonNode o : JSON.readTree(cli.run("list", "--json").out())) {
            if (o.get("generated").asBoolean()) {
                generated++;
            } else {
                real.add(o.get("id").asText());
            }
        }
        assertThat(generated).isEqualTo(30);
        assertThat(real).containsExactly(realId);

        // a station holding real opinions sends only those: test data never reaches the general station as real
        JsonNode sent = exported(cli, dir.resolve("usb"));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).get("id").asText()).isEqualTo(realId);
    }

    @Test
    void aDemonstrationDatabaseExportsItsGeneratedOpinions() throws Exception {
        CliRunner onlyGenerated = new CliRunner(dir.resolve("demo1.db"));
        onlyGenerated.run("init", "--station", "GS-008", "--name", "演示联络站");
        onlyGenerated.run("generate", "--count", "25");
        assertThat(exported(onlyGenerated, dir.resolve("usb1"))).hasSize(25);

        CliRunner declared = new CliRunner(dir.resolve("demo2.db"));
        declared.run("init", "--station", "GS-009", "--name", "培训联络站");
        declared.run("add", "--text", "小区门口路灯坏了,晚上出行不安全");
        assertThat(declared.run("generate", "--count", "15", "--demo").code()).isZero();
        assertThat(exported(declared, dir.resolve("usb2"))).hasSize(16);
    }

    @Test
    void badCountsAreRejected() {
        CliRunner cli = new CliRunner(dir.resolve("x.db"));
        assertThat(cli.run("generate", "--count", "0").code()).isEqualTo(2);
        assertThat(cli.run("generate", "--count", "10", "--stations", "0").code()).isEqualTo(2);
        assertThat(cli.run("generate").code()).isEqualTo(1);
    }

    @Test
    void everyOpinionGeneratedAsReviewedHasItsReview() throws Exception {
        CliRunner cli = new CliRunner(dir.resolve("r.db"));
        assertThat(cli.run("generate", "--count", "150", "--seed", "42").code()).isZero();
        List<String> reviewed = new ArrayList<>();
        JSON.readTree(cli.run("list", "--json").out()).forEach(n -> {
            if (n.get("status").asText().equals("reviewed")) {
                reviewed.add(n.get("id").asText());
            }
        });
        assertThat(reviewed).isNotEmpty();
        for (String id : reviewed) {
            JsonNode h = JSON.readTree(cli.run("history", "--json", id).out());
            assertThat(h.get("review").get("reviewedAt").isNull()).as(id).isFalse();
            assertThat(h.get("history").get(0).get("action").asText()).isEqualTo("review");
        }
    }
}
