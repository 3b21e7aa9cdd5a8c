package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
