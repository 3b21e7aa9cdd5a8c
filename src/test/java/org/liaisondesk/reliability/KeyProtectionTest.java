package org.liaisondesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;
import org.liaisondesk.cli.CliRunner;
import org.liaisondesk.crypto.Keys;

/**
 * Issue 18 item 5: private keys are sealed under the key passphrase, in the database and so in every backup; they
 * are usable only after the session's unlock; plain keys from before are sealed at the first unlock.
 */
class KeyProtectionTest {

    private static final String PASSPHRASE = "总站钥匙-2026";

    @TempDir
    Path dir;
    Path generalDb;
    CliRun general;
    CliRun unlocked;

    @BeforeEach
    void setUp() {
        generalDb = dir.resolve("general.db");
        general = new CliRun(generalDb);
        unlocked = general.withKeyPassphrase(PASSPHRASE);
        general.ok("init", "--station", "ZZ-000", "--name", "联络总站", "--mode", "general");
    }

    @Test
    void privateKeysAreSealedInTheDatabaseAndInBackups() throws Exception {
        unlocked.ok("keys", "generate");
        assertSealed(generalDb);
        Path backup = dir.resolve("copy.db");
        general.ok("backup", "--out", backup.toString());
        assertSealed(backup);
    }

    @Test
    void withoutThePassphraseTheKeysStayLockedAndAWrongOneIsRefusedAndRecorded() throws Exception {
        assertThat(general.run("--lang", "en", "keys", "generate").err()).contains("private keys are locked");
        unlocked.ok("keys", "generate");
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, "{}");
        CliRun.Result locked = general.run("--lang", "en", "keys", "decrypt", "--in", plain.toString(), "--out",
                dir.resolve("x.json").toString());
        assertThat(locked.code()).isEqualTo(2);
        CliRun.Result wrong = general.withKeyPassphrase("not-the-passphrase").run("--lang", "en", "keys", "show");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("Wrong key passphrase");
        assertThat(general.ok("audit", "--action", "key-unlock-failed", "--json")).contains("key-unlock-failed");
    }

    @Test
    void plainKeysFromAnOlderVersionAreSealedAtTheFirstUnlockAndStillWork() throws Exception {
        KeyPair legacy = Keys.generate(Keys.AGREEMENT);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + generalDb);
             PreparedStatement ps = c.prepareStatement("INSERT INTO key_pair (purpose, algorithm, public_key, "
                     + "private_key, created_at) VALUES ('agreement', 'X25519', ?, ?, '2025-01-01T00:00:00Z')")) {
            ps.setBytes(1, legacy.getPublic().getEncoded());
            ps.setBytes(2, legacy.getPrivate().getEncoded());
            ps.executeUpdate();
        }
        assertThat(privateKeys(generalDb).get(0)[0]).isEqualTo((byte) 0x30); // plain PKCS#8
        String fingerprint = Keys.fingerprint(legacy.getPublic().getEncoded());
        assertThat(unlocked.ok("--lang", "en", "keys", "generate")).contains(fingerprint);
        assertSealed(generalDb);

        // The sealed key still decrypts what a station encrypted for it.
        Path generalKey = dir.resolve("general.key");
        general.ok("keys", "export-public", "--out", generalKey.toString());
        CliRun station = new CliRun(dir.resolve("station.db")).withKeyPassphrase("站点钥匙-2026");
        station.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        station.ok("keys", "import-general", generalKey.toString());
        Path stationKey = dir.resolve("station.key");
        station.ok("keys", "export-public", "--out", stationKey.toString());
        general.ok("keys", "import-station", stationKey.toString());
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, "[{\"text\":\"意见\"}]");
        Path enc = dir.resolve("plain.enc");
        station.ok("keys", "encrypt", "--in", plain.toString(), "--out", enc.toString());
        Path out = dir.resolve("out.json");
        unlocked.ok("keys", "decrypt", "--in", enc.toString(), "--out", out.toString());
        assertThat(Files.readString(out)).isEqualTo(Files.readString(plain));
    }

    @Test
    void thePassphraseCanBeChangedWithTheCurrentOne() throws Exception {
        unlocked.ok("keys", "generate");
        CliRunner.Result changed = new CliRunner(generalDb).runWithInput(PASSPHRASE + "\nnew-passphrase-2\n",
                "keys", "passphrase");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(unlocked.run("keys", "show").code()).isEqualTo(2);
        assertThat(general.withKeyPassphrase("new-passphrase-2").run("keys", "show").code()).isZero();
        assertSealed(generalDb);
    }

    private static void assertSealed(Path db) throws Exception {
        List<byte[]> keys = privateKeys(db);
        assertThat(keys).isNotEmpty();
        for (byte[] k : keys) {
            assertThat(new String(k, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("LDK1");
            assertThatThrownBy(() -> Keys.privateKey(Keys.AGREEMENT, k)).isNotNull();
        }
    }

    private static List<byte[]> privateKeys(Path db) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             ResultSet rs = c.createStatement().executeQuery("SELECT private_key FROM key_pair")) {
            while (rs.next()) {
                out.add(rs.getBytes(1));
            }
        }
        return out;
    }
}
