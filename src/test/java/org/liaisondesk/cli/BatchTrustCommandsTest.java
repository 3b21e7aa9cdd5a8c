package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 1: a forged plain batch never beats the real, signed one. Once a station's signing key is registered
 * at the general station, a batch claiming to come from it must carry its signature; plain batches from stations
 * without a key are taken only as the general station's policy ({@code keys plain-batches}) allows.
 */
class BatchTrustCommandsTest {

    @TempDir
    Path dir;

    CliRun general;
    CliRun station;
    CliRun forger;
    CliRun other;
    Path generalKey;

    @BeforeEach
    void setUp() {
        general = new CliRun(dir.resolve("general.db")).withKeyPassphrase("general-钥匙口令");
        station = new CliRun(dir.resolve("station.db")).withKeyPassphrase("station-钥匙口令");
        forger = new CliRun(dir.resolve("forger.db")).withKeyPassphrase("forger-钥匙口令");
        other = new CliRun(dir.resolve("other.db")).withKeyPassphrase("other-钥匙口令");
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        station.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        forger.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        other.ok("init", "--station", "GS-008", "--name", "上城区联络站");
        general.ok("keys", "generate");
        generalKey = dir.resolve("general.key");
        general.ok("keys", "export-public", "--out", generalKey.toString());
    }

    private void registerStation(CliRun st, String name) {
        st.ok("keys", "import-general", generalKey.toString());
        Path key = dir.resolve(name + ".key");
        st.ok("keys", "export-public", "--out", key.toString());
        general.ok("keys", "import-station", key.toString());
    }

    private Path export(CliRun st, String text, String folder) throws Exception {
        st.ok("add", "--text", text);
        Path out = Files.createDirectories(dir.resolve(folder));
        CliRun.Result r = st.run("export", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return Path.of(r.out().strip());
    }

    @Test
    void aForgedPlainBatchNeverBeatsTheRealSignedOne() throws Exception {
        registerStation(station, "gs007");
        Path forged = export(forger, "伪造的意见:这条不是联络站写的", "forged");
        Path real = export(station, "真实的意见:路灯坏了", "real");
        String before = general.ok("stats", "--json");

        CliRun.Result r = general.run("--lang", "en", "import", forged.toString());

        assertThat(r.code()).isEqualTo(Cli.REJECTED);
        assertThat(r.err()).contains("not signed", "GS-007").doesNotContain("Exception");
        assertThat(general.ok("stats", "--json")).isEqualTo(before);
        assertThat(general.ok("audit", "--action", "import-rejected")).contains("forged");

        CliRun.Result ok = general.run("--lang", "en", "import", real.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("imported GS-007 batch 1: 1 new", "signature verified");
        assertThat(general.ok("search", "路灯", "--json")).contains("真实的意见");
        assertThat(general.ok("search", "伪造", "--json")).doesNotContain("伪造");
    }

    @Test
    void plainBatchesFromStationsWithoutAKeyFollowThePolicy() throws Exception {
        Path plain = export(other, "上城区的意见", "other");
        assertThat(general.ok("--lang", "en", "keys", "plain-batches")).contains("until any station key");

        registerStation(station, "gs007"); // some key registered: by default plain batches are refused
        CliRun.Result refused = general.run("--lang", "en", "import", plain.toString());
        assertThat(refused.code()).isEqualTo(Cli.REJECTED);
        assertThat(refused.err()).contains("accepts only signed batches", "keys plain-batches");

        assertThat(general.ok("--lang", "en", "keys", "plain-batches", "allow")).contains("accepted (saved)");
        assertThat(general.run("import", plain.toString()).code()).isZero();

        general.ok("keys", "plain-batches", "refuse");
        assertThat(general.run("import", export(other, "第二条", "other2").toString()).code())
                .isEqualTo(Cli.REJECTED);
        assertThat(general.run("keys", "plain-batches", "sometimes").code()).isEqualTo(Cli.USAGE);
        assertThat(general.ok("audit", "--action", "setting")).contains("import.plainBatches=refuse");
    }

    @Test
    void withoutAnyKeyPlainBatchesAreStillTakenByDefault() throws Exception {
        assertThat(general.run("import", export(other, "上城区的意见", "other").toString()).code()).isZero();
    }

    @Test
    void aMissingKeyFileIsCalledMissingNotDamaged() {
        CliRun.Result r = general.run("--lang", "en", "keys", "import-station", dir.resolve("gone.key").toString());
        assertThat(r.code()).isEqualTo(Cli.REJECTED);
        assertThat(r.err()).contains("does not exist").doesNotContain("damaged");
    }
}
