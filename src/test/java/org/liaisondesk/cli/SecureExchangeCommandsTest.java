package org.liaisondesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy, encryption and audit wired into export/import, end to end on the real command line: the key workflow,
 * an encrypted batch that reveals nothing on the stick, and every way a batch must be refused with nothing kept.
 */
class SecureExchangeCommandsTest {

    /** Unlocks the private keys of every run (issue 18 item 5). */
    static final String PASSPHRASE = "钥匙口令-passphrase";

    private static final String CONSENTING_TEXT = "建议在文三路口增设电动车充电桩,解决飞线充电隐患";
    private static final String CONSENTING_NAME = "张三丰";
    private static final String CONSENTING_PHONE = "13812341234";
    private static final String CONSENTING_ADDRESS = "西湖区文三路88号3单元";
    private static final String PRIVATE_TEXT = "菜市场周边停车难,希望规划临时停车位";
    private static final String PRIVATE_NAME = "李四娘";
    private static final String PRIVATE_PHONE = "13987654321";

    @TempDir
    Path dir;

    CliRun general;
    CliRun station;
    Path usb;
    Path generalKey;

    @BeforeEach
    void setUp() throws Exception {
        general = new CliRun(dir.resolve("general.db")).withKeyPassphrase(PASSPHRASE);
        station = new CliRun(dir.resolve("station.db")).withKeyPassphrase(PASSPHRASE);
        usb = Files.createDirectory(dir.resolve("usb"));
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        station.ok("init", "--station", "GS-007", "--name", "西湖区联络站");
        general.ok("keys", "generate");
        generalKey = dir.resolve("general.key");
        general.ok("keys", "export-public", "--out", generalKey.toString());
    }

    /** The key workflow: the station trusts the general station's key, the general station the station's. */
    private void exchangeKeys(CliRun st, String name) {
        st.ok("keys", "import-general", generalKey.toString());
        Path stationKey = dir.resolve(name + ".key");
        st.ok("keys", "export-public", "--out", stationKey.toString());
        general.ok("keys", "import-station", stationKey.toString());
    }

    private void addTwoOpinions(CliRun st, String tag) {
        st.ok("add", "--text", CONSENTING_TEXT + tag, "--name", CONSENTING_NAME, "--phone", CONSENTING_PHONE,
                "--address", CONSENTING_ADDRESS, "--consent");
        st.ok("add", "--text", PRIVATE_TEXT + tag, "--name", PRIVATE_NAME, "--phone", PRIVATE_PHONE);
    }

    private static Path exported(CliRun.Result r) {
        assertThat(r.code()).as(r.err()).isZero();
        return Path.of(r.out().strip());
    }

    private static List<JsonNode> constituents(Path plainBatch) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        new ObjectMapper().readTree(plainBatch.toFile()).get("opinions").forEach(o -> out.add(o.get("constituent")));
        return out;
    }

    private String generalState() {
        return general.ok("stats", "--json") + general.ok("list", "--json", "--deleted");
    }

    @Test
    void anEncryptedBatchTravelsFromStationToGeneralAndRevealsNothingOnTheStick() throws Exception {
        exchangeKeys(station, "gs007");
        addTwoOpinions(station, "");

        CliRun.Result r = station.run("--lang", "en", "export", "--out", usb.toString());
        Path batch = exported(r);

        assertThat(batch.getFileName().toString()).matches("GS-007-000001-\\d{8}\\.ldbatch\\.enc");
        assertThat(r.err()).doesNotContain("NOT encrypted");
        try (Stream<Path> onStick = Files.list(usb)) {
            assertThat(onStick).containsExactly(batch);
        }
        try (Stream<Path> work = Files.list(dir.resolve("exchange-work"))) {
            assertThat(work).as("the plain batch is removed from the work folder").isEmpty();
        }
        byte[] bytes = Files.readAllBytes(batch);
        for (String secret : List.of(CONSENTING_TEXT, CONSENTING_NAME, CONSENTING_PHONE, CONSENTING_ADDRESS,
                PRIVATE_TEXT, PRIVATE_NAME, "文三路", "充电桩", "1381234", "liaison-desk-batch", "opinions")) {
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                assertThat(indexOf(bytes, secret.getBytes(charset))).as(secret + " in " + charset).isEqualTo(-1);
            }
        }

        CliRun.Result imported = general.run("--lang", "en", "import", usb.toString());

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported GS-007 batch 1: 2 new, 0 updated, 0 already held, 0 conflicts")
                .contains("signature verified: GS-007");
        String list = general.ok("list", "--json");
        assertThat(list).contains(CONSENTING_TEXT, PRIVATE_TEXT, CONSENTING_NAME, CONSENTING_PHONE)
                .doesNotContain(PRIVATE_NAME).doesNotContain(PRIVATE_PHONE);
        assertThat(general.ok("--lang", "zh", "import", batch.toString())).contains("已于");

        assertThat(station.ok("audit", "--action", "export", "--json"))
                .contains("sequence=1", "count=2", "encrypted=yes", "privacy=by-consent", batch.toString());
        assertThat(general.ok("audit", "--action", "import", "--json"))
                .contains("station=GS-007", "signedBy=GS-007", "added=2", "alreadyImported=");
    }

    @Test
    void aFolderImportTakesPlainAndEncryptedBatches() {
        addTwoOpinions(station, "(一)");
        CliRun.Result plain = station.run("--lang", "en", "export", "--out", usb.toString());
        assertThat(exported(plain).getFileName().toString()).endsWith(".ldbatch.json");
        assertThat(plain.err()).contains("NOT encrypted", "keys import-general");
        assertThat(station.run("export", "--out", usb.toString()).err()).isEmpty(); // nothing to send, no warning
        // imported before the station's key is registered: afterwards a plain batch from GS-007 is refused
        assertThat(general.run("import", usb.toString()).code()).isZero();

        exchangeKeys(station, "gs007");
        addTwoOpinions(station, "(二)");
        assertThat(exported(station.run("export", "--out", usb.toString())).getFileName().toString())
                .endsWith(".ldbatch.enc");

        CliRun.Result r = general.run("--lang", "en", "import", usb.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("GS-007 batch 1 was already imported", "imported GS-007 batch 2: 2 new");
        assertThat(r.out().split("signature verified", -1)).hasSize(2); // only the encrypted one was signed
        assertThat(general.ok("stats", "--json")).contains("\"opinions\":4", "\"batchesImported\":2");
    }

    @Test
    void oneChangedByteOrACutFileIsRejectedAndTheGeneralDatabaseIsUnchanged() throws Exception {
        exchangeKeys(station, "gs007");
        addTwoOpinions(station, "");
        Path batch = exported(station.run("export", "--out", usb.toString()));
        byte[] good = Files.readAllBytes(batch);
        String before = generalState();
        Path rejected = Files.createDirectory(dir.resolve("rejected"));

        for (int at : new int[] {20, good.length / 2, good.length - 10}) {
            byte[] changed = good.clone();
            changed[at] ^= 0x01;
            Path file = Files.write(rejected.resolve("flip-" + at + ".ldbatch.enc"), changed);
            CliRun.Result r = general.run("--lang", "en", "import", file.toString());
            assertThat(r.code()).as("byte " + at).isEqualTo(2);
            assertThat(r.err()).contains("rejected, nothing of it was imported");
        }
        Path cut = Files.write(rejected.resolve("cut.ldbatch.enc"), Arrays.copyOf(good, good.length - 70));
        CliRun.Result truncated = general.run("--lang", "en", "import", cut.toString());
        assertThat(truncated.code()).isEqualTo(2);
        assertThat(truncated.err()).contains("incomplete");

        assertThat(generalState()).isEqualTo(before);
        assertThat(general.ok("audit", "--action", "import-rejected", "--json"))
                .contains("cut.ldbatch.enc", "crypto.error.truncated", "crypto.error.damaged");
        assertThat(general.ok("--lang", "en", "import", batch.toString())).contains("2 new");
    }

    @Test
    void aBatchEncryptedForAnotherGeneralStationIsRejected() throws Exception {
        CliRun other = new CliRun(dir.resolve("other-general.db")).withKeyPassphrase(PASSPHRASE);
        other.ok("init", "--station", "NB-000", "--name", "另一个联络总站", "--mode", "general");
        other.ok("keys", "generate");
        Path otherKey = dir.resolve("other-general.key");
        other.ok("keys", "export-public", "--out", otherKey.toString());
        exchangeKeys(station, "gs007");
        station.ok("keys", "import-general", otherKey.toString());
        addTwoOpinions(station, "");
        Path batch = exported(station.run("export", "--out", usb.toString()));
        String before = generalState();

        CliRun.Result r = general.run("--lang", "en", "import", batch.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("encrypted for another general station");
        assertThat(generalState()).isEqualTo(before);
    }

    @Test
    void aBatchSignedByAStationTheGeneralStationDoesNotKnowIsRejected() throws Exception {
        CliRun stranger = new CliRun(dir.resolve("stranger.db")).withKeyPassphrase(PASSPHRASE);
        stranger.ok("init", "--station", "GS-099", "--name", "未登记的联络站");
        stranger.ok("keys", "import-general", generalKey.toString());
        addTwoOpinions(stranger, "");
        Path batch = exported(stranger.run("export", "--out", usb.toString()));
        String before = generalState();

        CliRun.Result r = general.run("--lang", "en", "import", usb.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(batch.getFileName().toString(), "GS-099", "keys import-station");
        assertThat(generalState()).isEqualTo(before);
        assertThat(general.ok("audit", "--action", "import-rejected", "--json"))
                .contains("crypto.error.unknownStation");
    }

    @Test
    void aBatchSignedByAnotherRegisteredStationThanItNamesIsRejected() throws Exception {
        addTwoOpinions(station, "");
        Path plain = exported(station.run("export", "--out", usb.toString()));
        CliRun impostor = new CliRun(dir.resolve("impostor.db")).withKeyPassphrase(PASSPHRASE);
        impostor.ok("init", "--station", "GS-008", "--name", "拱墅区联络站");
        exchangeKeys(impostor, "gs008");
        Path forged = dir.resolve("forged.ldbatch.enc");
        impostor.ok("keys", "encrypt", "--in", plain.toString(), "--out", forged.toString());
        String before = generalState();

        CliRun.Result r = general.run("--lang", "en", "import", forged.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("signed by station GS-008 but claims to come from station GS-007");
        assertThat(generalState()).isEqualTo(before);
    }

    @Test
    void privacyNoneMaskedAndByConsentDecideWhatTheBatchCarries() throws Exception {
        addTwoOpinions(station, "(一)");
        Path none = exported(station.run("export", "--out", usb.toString(), "--privacy", "none"));
        addTwoOpinions(station, "(二)");
        Path masked = exported(station.run("export", "--out", usb.toString(), "--privacy", "masked"));
        addTwoOpinions(station, "(三)");
        Path byDefault = exported(station.run("export", "--out", usb.toString()));
        addTwoOpinions(station, "(四)");
        Path full = exported(station.run("export", "--out", usb.toString(), "--privacy", "full"));

        String noneText = Files.readString(none);
        assertThat(noneText).contains("\"privacy\":\"none\"").doesNotContain(CONSENTING_NAME, CONSENTING_PHONE,
                CONSENTING_ADDRESS, PRIVATE_NAME, PRIVATE_PHONE);
        assertThat(constituents(none)).allSatisfy(c -> {
            assertThat(c.get("name").isNull()).isTrue();
            assertThat(c.get("phone").isNull()).isTrue();
        });
        assertThat(constituents(none)).extracting(c -> c.get("consentToContact").asBoolean())
                .containsExactly(true, false);

        assertThat(Files.readString(masked)).contains("\"privacy\":\"masked\"")
                .doesNotContain(CONSENTING_PHONE, PRIVATE_PHONE, CONSENTING_NAME);
        assertThat(constituents(masked)).extracting(c -> c.get("phone").asText())
                .containsExactly("138****1234", "139****4321");
        assertThat(constituents(masked)).extracting(c -> c.get("name").asText()).containsExactly("张**", "李**");

        assertThat(Files.readString(byDefault)).contains("\"privacy\":\"by-consent\"");
        assertThat(constituents(byDefault).get(0).get("phone").asText()).isEqualTo(CONSENTING_PHONE);
        assertThat(constituents(byDefault).get(0).get("name").asText()).isEqualTo(CONSENTING_NAME);
        assertThat(constituents(byDefault).get(1).get("phone").isNull()).isTrue();
        assertThat(constituents(byDefault).get(1).get("name").isNull()).isTrue();

        assertThat(constituents(full)).extracting(c -> c.get("phone").asText())
                .containsExactly(CONSENTING_PHONE, "139****4321");

        assertThat(station.run("export", "--out", usb.toString(), "--privacy", "everything").code()).isEqualTo(1);
        assertThat(station.ok("audit", "--action", "export", "--json"))
                .contains("privacy=none", "privacy=masked", "privacy=by-consent", "privacy=full", "encrypted=no");

        CliRun.Result r = general.run("--lang", "en", "import", usb.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(general.ok("list", "--json")).contains("138****1234").doesNotContain(PRIVATE_PHONE);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
