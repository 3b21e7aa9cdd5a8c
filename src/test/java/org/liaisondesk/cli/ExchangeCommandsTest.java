package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export and import through the real command line, per the contract. */
class ExchangeCommandsTest {

    @TempDir
    Path dir;

    Path stationDb;
    Path generalDb;
    Path usb;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws Exception {
        stationDb = dir.resolve("station.db");
        generalDb = dir.resolve("general.db");
        usb = Files.createDirectory(dir.resolve("usb"));
        assertThat(run("--db", stationDb.toString(), "init", "--station", "GS-007", "--name", "西湖区联络站").code())
                .isZero();
        assertThat(run("--db", generalDb.toString(), "init", "--station", "HZ-000", "--name", "联络总站",
                "--mode", "general").code()).isZero();
        for (String text : new String[] {"建议增设电动车充电桩", "路灯坏了需要维修", "菜市场周边停车难"}) {
            assertThat(run("--db", stationDb.toString(), "add", "--text", text).code()).isZero();
        }
    }

    @Test
    void exportPrintsThePathThenSaysNothingToSend() {
        Run first = run("--db", stationDb.toString(), "--lang", "en", "export", "--out", usb.toString());
        assertThat(first.code()).isZero();
        Path batch = Path.of(first.out().strip());
        assertThat(batch).exists().hasParent(usb);
        assertThat(batch.getFileName().toString()).startsWith("GS-007-000001-").endsWith(".ldbatch.json");

        Run second = run("--db", stationDb.toString(), "--lang", "en", "export", "--out", usb.toString());
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("Nothing to send");
        assertThat(usb.toFile().list()).hasSize(1);

        Run stats = run("--db", stationDb.toString(), "stats", "--json");
        assertThat(stats.out()).contains("\"batchesExported\":1").contains("\"exported\":3");
    }

    @Test
    void importReportsEachFileAndReimportingIsHarmless() {
        run("--db", stationDb.toString(), "export", "--out", usb.toString());

        Run first = run("--db", generalDb.toString(), "--lang", "en", "import", usb.toString());
        assertThat(first.code()).isZero();
        assertThat(first.out()).contains("imported GS-007 batch 1: 3 new, 0 updated, 0 already held, 0 conflicts");
        assertThat(first.err()).isEmpty();

        Run again = run("--db", generalDb.toString(), "--lang", "en", "import", usb.toString());
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("was already imported");

        Run stats = run("--db", generalDb.toString(), "stats", "--json");
        assertThat(stats.out()).contains("\"opinions\":3").contains("\"GS-007\":3").contains("\"batchesImported\":1");
    }

    @Test
    void aTamperedBatchIsRejectedWithExitTwoAndNothingKept() throws Exception {
        Path batch = Path.of(run("--db", stationDb.toString(), "export", "--out", usb.toString()).out().strip());
        Path tampered = dir.resolve("tampered.ldbatch.json");
        Files.writeString(tampered, Files.readString(batch).replace("路灯坏了", "路灯好了"), StandardCharsets.UTF_8);

        Run r = run("--db", generalDb.toString(), "import", tampered.toString(), batch.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("tampered.ldbatch.json").contains("校验和不符").doesNotContain("Exception");
        assertThat(r.out()).contains("新增 3 条");
        assertThat(run("--db", generalDb.toString(), "list", "--json").out()).doesNotContain("路灯好了");
    }

    @Test
    void aStationRefusesOpinionBatchesAndTheGeneralStationSendsOnlyReturnBatches() {
        // issue 13: a station imports return batches only; an opinion batch named there is still refused
        Path batch = Path.of(run("--db", stationDb.toString(), "export", "--out", usb.toString()).out().strip());
        Run imp = run("--db", stationDb.toString(), "import", batch.toString());
        assertThat(imp.code()).isEqualTo(2);
        assertThat(imp.err()).contains("联络总站");
        Run folder = run("--db", stationDb.toString(), "--lang", "en", "import", usb.toString());
        assertThat(folder.code()).isZero();
        assertThat(folder.out()).contains("No return batch");

        // the general station's export writes return batches; with nothing to send it says so and exits 0
        Run exp = run("--db", generalDb.toString(), "--lang", "en", "export", "--out", usb.toString());
        assertThat(exp.code()).isZero();
        assertThat(exp.out()).contains("Nothing to send back to the stations");
    }

    @Test
    void anEarlierBatchIsWrittenAgain() throws Exception {
        Path batch = Path.of(run("--db", stationDb.toString(), "export", "--out", usb.toString()).out().strip());
        Path stick = Files.createDirectory(dir.resolve("stick2"));

        Run again = run("--db", stationDb.toString(), "export", "--out", stick.toString(), "--again", "1");

        assertThat(again.code()).isZero();
        assertThat(Files.readAllBytes(Path.of(again.out().strip()))).isEqualTo(Files.readAllBytes(batch));
        assertThat(run("--db", stationDb.toString(), "export", "--out", stick.toString(), "--again", "5").code())
                .isEqualTo(2);
    }

    @Test
    void helpExistsInBothLanguages() {
        assertThat(run("--lang", "en", "export", "--help").out()).contains("--out").contains("--again")
                .contains("usually on a USB");
        assertThat(run("import", "--help").out()).contains("批次文件或文件夹");
    }
}
