package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TagEvalCommandTest {

    private static final String LABELLED = """
            {"id":"1","text":"小区冬天暖气不热，室温只有十六度","areas":[4]}
            {"id":"2","text":"工地夜里打桩，吵得睡不着","areas":[3]}
            {"id":"3","text":"问题解决了，谢谢你们","areas":[]}
            """;

    @TempDir
    Path dir;

    @Test
    void scoresALabelledFileLikeTheSharedTool() throws Exception {
        Path file = Files.writeString(dir.resolve("set.jsonl"), LABELLED, StandardCharsets.UTF_8);
        CliRunner.Result r = new CliRunner(dir.resolve("unused.db")).run("tag-eval", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("top1=1.000 (2/2) top2=1.000 abstain=1/1 untagged=0/2");
        assertThat(dir.resolve("unused.db")).doesNotExist();
    }

    @Test
    void printsTheLearningCurveWithNoAreaTaughtToo() throws Exception {
        Path file = Files.writeString(dir.resolve("set.jsonl"), LABELLED, StandardCharsets.UTF_8);
        CliRunner.Result r = new CliRunner(dir.resolve("unused.db"))
                .run("tag-eval", file.toString(), "--learn-from", file.toString(), "--steps", "0,2,50", "--shuffles", "2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(4);
        assertThat(r.out().lines().skip(1).map(l -> l.split("\\s+")[0])).containsExactly("0", "2", "3");
    }

    @Test
    void aMissingFileIsAPlainMessage() {
        CliRunner.Result r = new CliRunner(dir.resolve("unused.db")).run("tag-eval", dir.resolve("nope.jsonl").toString());
        assertThat(r.code()).isEqualTo(Cli.REJECTED);
        assertThat(r.err()).contains("nope.jsonl").doesNotContain("Exception");
    }
}
