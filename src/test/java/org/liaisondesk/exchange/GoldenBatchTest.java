package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/**
 * A batch written by the release that introduced format version 1, frozen byte for byte: every later version must
 * still import it, or stations that have not upgraded yet could no longer report.
 */
class GoldenBatchTest {

    @TempDir
    Path dir;

    @Test
    void aFormatOneBatchFromTheFirstReleaseStillImports() throws Exception {
        Path batch = dir.resolve("GS-007-000001-20261205.ldbatch.json");
        try (InputStream in = GoldenBatchTest.class.getResourceAsStream("golden/format-1-plain.ldbatch.json")) {
            Files.copy(in, batch);
        }
        CliRun general = new CliRun(dir.resolve("general.db"));
        general.ok("init", "--station", "ZZ-000", "--name", "联络总站", "--mode", "general");

        CliRun.Result first = general.run("import", batch.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(general.ok("list", "--json")).contains("GS-007-2026-000001", "村里灌溉水渠年久失修");
        CliRun.Result again = general.run("import", batch.toString());
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(new ObjectMapper().readTree(general.ok("stats", "--json")).get("opinions").asInt()).isEqualTo(3);
    }
}
