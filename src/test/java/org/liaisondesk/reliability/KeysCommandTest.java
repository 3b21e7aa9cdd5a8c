package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/** The whole key exchange and an encrypted batch's trip from a station to the general station, on the command line. */
class KeysCommandTest {

    /** Unlocks the private keys of every run (issue 18 item 5). */
    static final String PASSPHRASE = "钥匙口令-passphrase";

    @TempDir
    Path dir;

    @Test
    void stationEncryptsGeneralStationVerifiesAndDecrypts() throws Exception {
        CliRun general = new CliRun(dir.resolve("general.db")).withKeyPassphrase(PASSPHRASE);
        CliRun station = new CliRun(dir.resolve("station.db")).withKeyPassphrase(PASSPHRASE);
        CliRun stranger = new CliRun(dir.resolve("stranger.db")).withKeyPassphrase(PASSPHRASE);
        general.ok("init", "--station", "ZZ-000", "--name", "联络总站", "--mode", "general");
        station.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        stranger.ok("init", "--station", "GS-099", "--name", "未登记的站");

        String fingerprint = general.ok("--lang", "en", "keys", "generate").replaceAll("(?s).*Fingerprint: ", "").strip();
        assertThat(fingerprint).matches("([0-9A-F]{4} ){15}[0-9A-F]{4}");
        Path generalKey = dir.resolve("general.key");
        general.ok("keys", "export-public", "--out", generalKey.toString());
        assertThat(station.ok("--lang", "en", "keys", "import-general", generalKey.toString())).contains(fingerprint);
        stranger.ok("keys", "import-general", generalKey.toString());
        Path stationKey = dir.resolve("gs007.key");
        station.ok("keys", "export-public", "--out", stationKey.toString());
        general.ok("keys", "import-station", stationKey.toString());
        assertThat(station.ok("keys", "show")).contains(fingerprint);

        Path plain = dir.resolve("batch.json");
        Files.writeString(plain, "[{\"name\":\"张三\",\"phone\":\"13812341234\"}]");
        Path enc = dir.resolve("batch.enc");
        station.ok("keys", "encrypt", "--in", plain.toString(), "--out", enc.toString());
        assertThat(Files.readString(enc, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13812341234");
        Path out = dir.resolve("out.json");
        assertThat(general.ok("keys", "decrypt", "--in", enc.toString(), "--out", out.toString())).contains("GS-007");
        assertThat(Files.readString(out)).isEqualTo(Files.readString(plain));

        byte[] tampered = Files.readAllBytes(enc);
        tampered[tampered.length - 100] ^= 0x20; // inside the encrypted content
        Path bad = dir.resolve("bad.enc");
        Files.write(bad, tampered);
        CliRun.Result r = general.run("--lang", "en", "keys", "decrypt", "--in", bad.toString(), "--out",
                dir.resolve("bad.json").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("changed or damaged");
        assertThat(dir.resolve("bad.json")).doesNotExist();

        Path fromStranger = dir.resolve("stranger.enc");
        stranger.ok("keys", "encrypt", "--in", plain.toString(), "--out", fromStranger.toString());
        CliRun.Result unknown = general.run("--lang", "en", "keys", "decrypt", "--in", fromStranger.toString(),
                "--out", dir.resolve("x.json").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("GS-099", "keys import-station");

        String edited = Files.readString(generalKey).replace(fingerprint.substring(0, 4), "0000");
        Path forgedKey = dir.resolve("forged.key");
        Files.writeString(forgedKey, edited);
        CliRun.Result forged = station.run("--lang", "en", "keys", "import-general", forgedKey.toString());
        assertThat(forged.code()).isEqualTo(2);
        assertThat(forged.err()).contains("does not match its key");
        CliRun.Result wrongKind = general.run("--lang", "en", "keys", "import-station", generalKey.toString());
        assertThat(wrongKind.err()).contains("not a station");
        assertThat(general.ok("audit", "--action", "key-trust", "--json")).contains("GS-007");
    }
}
