package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.cli.CliRun;

/**
 * The whole loop on real SQLite files, through the real command line: two stations and the general station, keys
 * registered (upward batches encrypted and signed), a conflict, and a stick pulled out mid-copy.
 */
class LoopRoundTripTest {

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private JsonNode only(CliRun db, String id) throws Exception {
        for (JsonNode o : json.readTree(db.ok("list", "--json"))) {
            if (o.get("id").asText().equals(id)) {
                return o;
            }
        }
        throw new AssertionError("no opinion " + id);
    }

    private static List<Path> printedPaths(String out) {
        return out.lines().filter(l -> l.endsWith(".json") || l.endsWith(".enc")).map(Path::of).toList();
    }

    @Test
    void collectAssignReplyCallBackReHandleAndCloseAcrossTwoStations() throws Exception {
        CliRun general = new CliRun(dir.resolve("general.db")).withKeyPassphrase("general-钥匙口令");
        CliRun east = new CliRun(dir.resolve("east.db")).withKeyPassphrase("east-钥匙口令");
        CliRun west = new CliRun(dir.resolve("west.db")).withKeyPassphrase("west-钥匙口令");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        east.ok("init", "--station", "GS-007", "--name", "湖滨街道联络站");
        west.ok("init", "--station", "GS-008", "--name", "北山街道联络站");
        general.ok("keys", "generate");
        Path generalKey = dir.resolve("general.key.json");
        general.ok("keys", "export-public", "--out", generalKey.toString());
        for (CliRun st : List.of(east, west)) {
            st.ok("keys", "import-general", generalKey.toString());
            Path stationKey = dir.resolve("station-" + st.hashCode() + ".key.json");
            st.ok("keys", "export-public", "--out", stationKey.toString());
            general.ok("keys", "import-station", stationKey.toString());
        }

        // collect and review at the stations, export up (encrypted, signed)
        String a = east.ok("add", "--text", "小区门口道路坑洼,下雨积水严重,老人出行不便", "--name", "张三", "--phone",
                "13800000001").strip();
        String b = west.ok("add", "--text", "菜场门口占道经营,早上电动车过不去", "--name", "李四", "--phone",
                "13800000002").strip();
        east.ok("review", a, "--areas", "4", "--note", "请街道核实修补");
        west.ok("review", b, "--areas", "4", "--note", "请城管处理");
        for (CliRun st : List.of(east, west)) {
            assertThat(st.ok("export", "--out", usb.toString())).contains(".ldbatch.enc");
        }
        assertThat(general.ok("import", usb.toString())).contains("GS-007", "GS-008");

        // general: units, assignment with due date, reply with outcome, return batches
        general.ok("units", "add", "JD-01", "--name", "湖滨街道办事处", "--kind", "street", "--contact", "李科长");
        general.ok("units", "add", "CG-01", "--name", "区城管局", "--kind", "district-dept");
        assertThat(general.ok("assign", a, "--unit", "JD-01", "--due", "2099-01-05", "--opinion", "尽快修补"))
                .contains("GS-007-", "-0001", "2099-01-05");
        general.ok("assign", b, "--unit", "CG-01");
        general.ok("sign", a);
        general.ok("reply", a, "--text", "已安排施工队修补", "--signed-by", "李科长", "--outcome", "A");
        List<Path> down = printedPaths(general.ok("export", "--out", usb.toString()));
        assertThat(down).hasSize(2).allSatisfy(p -> assertThat(p.toString()).contains("-down-")
                .endsWith(HandlingBatches.ENCRYPTED_SUFFIX));
        assertThat(general.ok("export", "--out", usb.toString())).doesNotContain(".ldloop");

        // east: dry run changes nothing; import; call back; 不满意 opens re-handling
        Path eastBatch = down.stream().filter(p -> p.toString().contains("GS-007")).findFirst().orElseThrow();
        assertThat(east.ok("--lang", "en", "import", "--dry-run", eastBatch.toString())).contains("Dry run");
        assertThat(only(east, a).get("stage").asText()).isEqualTo("reviewed");
        assertThat(east.ok("import", usb.toString())).contains("已导入办理批次");
        assertThat(east.ok("import", usb.toString())).contains("已导入过");
        JsonNode atEast = only(east, a);
        assertThat(atEast.get("stage").asText()).isEqualTo("replied");
        assertThat(atEast.get("unit").asText()).isEqualTo("JD-01");
        assertThat(atEast.get("dueDate").asText()).isEqualTo("2099-01-05");
        assertThat(atEast.get("outcome").asText()).isEqualTo("A");
        assertThat(east.ok("units")).contains("湖滨街道办事处");
        east.ok("feedback", a, "--note", "电话告知张三");
        east.ok("visit", a, "--rating", "dissatisfied", "--note", "只补了一半");
        assertThat(only(east, a).get("stage").asText()).isEqualTo("rehandling");

        // the re-handling goes up in the next batch (encrypted)
        List<Path> up = printedPaths(east.ok("export", "--out", usb.toString()));
        assertThat(up).singleElement().satisfies(p -> assertThat(p.toString()).endsWith(".ldloop.enc"));
        assertThat(general.ok("import", up.get(0).toString())).contains("已导入办理批次");
        JsonNode atGeneral = only(general, a);
        assertThat(atGeneral.get("stage").asText()).isEqualTo("rehandling");
        assertThat(atGeneral.get("rating").asText()).isEqualTo("dissatisfied");

        // the general station handles it again and closes it after a satisfied call
        general.ok("reply", a, "--text", "已全部修补完毕", "--signed-by", "李科长", "--outcome", "A");
        general.ok("feedback", a);
        general.ok("visit", a, "--rating", "satisfied");
        general.ok("close", a);
        assertThat(only(general, a).get("status").asText()).isEqualTo("closed");
        general.ok("export", "--out", usb.toString());
        east.ok("import", usb.toString());
        assertThat(only(east, a).get("stage").asText()).isEqualTo("archived");
        assertThat(only(east, a).get("status").asText()).isEqualTo("closed");
        assertThat(general.ok("history", a)).isNotEmpty();

        // the other station got its own assignment only
        west.ok("import", usb.toString());
        assertThat(only(west, b).get("stage").asText()).isEqualTo("assigned");
        assertThat(only(west, b).get("unit").asText()).isEqualTo("CG-01");
    }

    /**
     * A general station and station GS-007 set up; one opinion recorded at the station, carried up on the stick and
     * assigned at the general station to a new unit; returns the opinion's id.
     */
    private static String sentUpAndAssigned(CliRun general, CliRun east, Path usb, String text, String unit,
                                            String unitName, String kind) {
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        east.ok("init", "--station", "GS-007", "--name", "湖滨街道联络站");
        String id = east.ok("add", "--text", text).strip();
        east.ok("export", "--out", usb.toString());
        general.ok("import", usb.toString());
        general.ok("units", "add", unit, "--name", unitName, "--kind", kind);
        general.ok("assign", id, "--unit", unit);
        return id;
    }

    @Test
    void bothSidesChangingTheSameFieldIsAConflictAPersonResolves() throws Exception {
        CliRun general = new CliRun(dir.resolve("general.db")).withKeyPassphrase("general-钥匙口令");
        CliRun east = new CliRun(dir.resolve("east.db")).withKeyPassphrase("east-钥匙口令");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        String a = sentUpAndAssigned(general, east, usb, "路灯坏了一个月没人修", "JD-01", "湖滨街道办事处", "street");
        general.ok("reply", a, "--text", "已修复", "--signed-by", "李科长", "--outcome", "A");
        general.ok("export", "--out", usb.toString());
        east.ok("import", usb.toString());
        east.ok("feedback", a);

        // meanwhile: the station records 满意, the general station (not yet knowing) records 不满意 from its own call
        east.ok("visit", a, "--rating", "satisfied", "--note", "站点回访");
        general.ok("feedback", a);
        general.ok("visit", a, "--rating", "dissatisfied", "--note", "总站抽查");
        east.ok("export", "--out", usb.toString());
        CliRun.Result imported = general.run("--lang", "en", "import", usb.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains("conflicts").doesNotContain(" 0 conflicts");
        // neither is lost: the general station keeps its own until a person decides; the station's is on record
        assertThat(only(general, a).get("rating").asText()).isEqualTo("dissatisfied");
        JsonNode conflicts = json.readTree(general.ok("handling-conflicts", "--json"));
        assertThat(conflicts).isNotEmpty();
        JsonNode rating = null;
        for (JsonNode k : conflicts) {
            if (k.get("field").asText().equals("rating")) {
                rating = k;
            }
        }
        assertThat(rating).isNotNull();
        assertThat(rating.get("incoming").asText()).isEqualTo("satisfied");
        // fields only one side changed merge: the station's note of its call is taken only if not in conflict
        general.ok("handling-conflicts", "--resolve", rating.get("id").asText(), "--take", "incoming");
        assertThat(only(general, a).get("rating").asText()).isEqualTo("satisfied");
        assertThat(general.run("handling-conflicts", "--resolve", rating.get("id").asText(), "--take", "incoming")
                .code()).isEqualTo(2);
    }

    @Test
    void aStickPulledMidCopyIsRejectedWholeAndTheFullFileThenImports() throws Exception {
        CliRun general = new CliRun(dir.resolve("general.db")).withKeyPassphrase("general-钥匙口令");
        CliRun east = new CliRun(dir.resolve("east.db")).withKeyPassphrase("east-钥匙口令");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        String a = sentUpAndAssigned(general, east, usb, "楼道堆放杂物有消防隐患", "SQ-01", "湖滨社区", "community");
        Path batch = printedPaths(general.ok("export", "--out", usb.toString())).get(0);
        byte[] whole = Files.readAllBytes(batch);
        Path cut = dir.resolve("cut").resolve(batch.getFileName());
        Files.createDirectories(cut.getParent());
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));

        CliRun.Result r = east.run("import", cut.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("不完整");
        assertThat(only(east, a).get("stage").asText()).isNotEqualTo("assigned");
        assertThat(east.ok("units")).isEmpty();

        // a changed byte (not a cut) fails the checksum and is rejected too
        String text = new String(whole, java.nio.charset.StandardCharsets.UTF_8).replace("湖滨社区", "湖滨社区X");
        Path edited = dir.resolve("cut").resolve("edited" + HandlingBatches.SUFFIX);
        Files.writeString(edited, text);
        assertThat(east.run("import", edited.toString()).err()).contains("校验和");

        assertThat(east.ok("import", batch.toString())).contains("已导入办理批次");
        assertThat(only(east, a).get("stage").asText()).isEqualTo("assigned");
    }

    @Test
    void returnBatchesAreEncryptedToTheStationAndSignedAndAForgedOrUnsignedOneIsRejected() throws Exception {
        CliRun general = new CliRun(dir.resolve("general.db")).withKeyPassphrase("general-钥匙口令");
        CliRun east = new CliRun(dir.resolve("east.db")).withKeyPassphrase("east-钥匙口令");
        CliRun forger = new CliRun(dir.resolve("forger.db")).withKeyPassphrase("forger-钥匙口令");
        CliRun plainGs = new CliRun(dir.resolve("plain.db"));
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Path fake = Files.createDirectories(dir.resolve("fake"));
        Files.createDirectories(fake.resolve("plain"));
        general.ok("init", "--station", "HZ-000", "--name", "联络总站", "--mode", "general");
        forger.ok("init", "--station", "HZ-000", "--name", "假冒总站", "--mode", "general");
        plainGs.ok("init", "--station", "HZ-000", "--name", "假冒总站", "--mode", "general");
        east.ok("init", "--station", "GS-007", "--name", "湖滨街道联络站");
        String a = east.ok("add", "--text", "小区路灯不亮已经两周,晚上出行不安全").strip();
        east.ok("export", "--out", usb.toString());
        general.ok("import", usb.toString());
        forger.ok("import", usb.toString());
        plainGs.ok("import", usb.toString());

        // the key exchange: the general station's file carries its signing key, the station's its encryption key
        general.ok("keys", "generate");
        Path generalKey = dir.resolve("general.key.json");
        assertThat(general.ok("keys", "export-public", "--out", generalKey.toString())).contains("Ed25519");
        assertThat(json.readTree(generalKey.toFile()).get("companion").get("algorithm").asText())
                .isEqualTo("Ed25519");
        assertThat(east.ok("keys", "import-general", generalKey.toString())).contains("Ed25519");
        Path stationKey = dir.resolve("east.key.json");
        assertThat(east.ok("keys", "export-public", "--out", stationKey.toString())).contains("X25519");
        general.ok("keys", "import-station", stationKey.toString());
        forger.ok("keys", "generate");
        forger.ok("keys", "import-station", stationKey.toString());
        assertThat(east.ok("--lang", "en", "keys", "show")).contains("general station signing key");
        assertThat(general.ok("--lang", "en", "keys", "show")).contains("station encryption key");

        for (CliRun gs : List.of(general, forger, plainGs)) {
            gs.ok("units", "add", "SQ-01", "--name", "湖滨社区", "--kind", "community");
            gs.ok("assign", a, "--unit", "SQ-01");
        }
        Path genuine = printedPaths(general.ok("export", "--out", usb.toString())).get(0);
        assertThat(genuine.toString()).endsWith(HandlingBatches.ENCRYPTED_SUFFIX);
        assertThat(Files.readString(genuine, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("SQ-01");
        // signed by a forged general station key: encrypted to the station all right, but the signer is unknown
        Path forged = printedPaths(forger.ok("export", "--out", fake.toString())).get(0);
        CliRun.Result r = east.run("--lang", "en", "import", forged.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isNotBlank();
        assertThat(only(east, a).get("stage").asText()).isNotEqualTo("assigned");

        // unsigned: a plain return batch in the general station's name is refused once its key is registered
        Path plain = printedPaths(plainGs.ok("export", "--out", fake.resolve("plain").toString())).get(0);
        assertThat(plain.toString()).endsWith(HandlingBatches.SUFFIX);
        r = east.run("--lang", "en", "import", plain.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("not signed by the general station");
        assertThat(only(east, a).get("stage").asText()).isNotEqualTo("assigned");

        // the genuine one needs the station's key passphrase (its private key is sealed), then imports
        CliRun.Result locked = new CliRun(dir.resolve("east.db")).run("import", genuine.toString());
        assertThat(locked.code()).isEqualTo(2);
        assertThat(locked.err()).contains("口令");
        assertThat(only(east, a).get("stage").asText()).isNotEqualTo("assigned");
        assertThat(east.ok("import", genuine.toString())).contains("已导入办理批次");
        assertThat(only(east, a).get("stage").asText()).isEqualTo("assigned");
    }
}
