package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.exchange.ImportService.Outcome;
import org.liaisondesk.i18n.Messages;

/** Every kind of bad batch is rejected whole, with a message a clerk can act on, and the database is unchanged. */
class BadBatchTest {

    @TempDir
    Path dir;

    AppContext station;
    AppContext general;
    Path good;
    ExchangeFixture.Fingerprint before;

    @BeforeEach
    void setUp() throws Exception {
        station = ExchangeFixture.station(dir);
        general = ExchangeFixture.general(dir);
        ExchangeFixture.addOpinions(station, 30);
        good = station.exports().export(Files.createDirectory(dir.resolve("usb")), "clerk").orElseThrow().file();
        before = ExchangeFixture.fingerprint(general);
    }

    @AfterEach
    void goodBatchStillImportsAndClose() {
        // Nothing of a rejected batch is in the way of the good one.
        try {
            assertThat(general.imports().importFile(good, "clerk").outcome()).isEqualTo(Outcome.IMPORTED);
        } finally {
            station.close();
            general.close();
        }
    }

    /** Imports {@code file}, checks it was rejected for {@code reason} and that nothing of it was kept. */
    private void assertRejected(Path file, String reason) {
        FileResult result = general.imports().importFile(file, "clerk");
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.rejection().messageKey()).isEqualTo(reason);
        String message = result.rejection().localized(Messages.forLanguage("en"));
        assertThat(message).doesNotContain(reason).doesNotContain("{0").doesNotContain("Exception");
        assertThat(ExchangeFixture.fingerprint(general)).isEqualTo(before);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void truncatedFile() throws Exception {
        byte[] all = Files.readAllBytes(good);
        assertRejected(write("cut.ldbatch.json", Arrays.copyOf(all, all.length / 2)), "batch.error.truncated");
    }

    @Test
    void truncatedJustBeforeTheTrailer() throws Exception {
        String all = ExchangeFixture.text(good);
        String cut = all.substring(0, all.indexOf("\n],"));
        assertRejected(write("cut2.ldbatch.json", cut.getBytes(StandardCharsets.UTF_8)), "batch.error.truncated");
    }

    @Test
    void oneChangedCharacter() throws Exception {
        String all = ExchangeFixture.text(good);
        int at = all.indexOf("充电桩");
        String changed = all.substring(0, at) + "充电站" .charAt(2) + all.substring(at + 1);
        assertThat(changed).hasSameSizeAs(all).isNotEqualTo(all);
        assertRejected(write("changed.ldbatch.json", changed.getBytes(StandardCharsets.UTF_8)),
                "batch.error.checksum");
    }

    @Test
    void oneChangedDigitInTheHeader() throws Exception {
        String all = ExchangeFixture.text(good);
        String changed = all.replaceFirst("\"sequence\":1", "\"sequence\":2");
        assertRejected(write("seq.ldbatch.json", changed.getBytes(StandardCharsets.UTF_8)), "batch.error.checksum");
    }

    @Test
    void futureFormatVersion() throws Exception {
        String changed = ExchangeFixture.text(good).replaceFirst("\"formatVersion\":1", "\"formatVersion\":2");
        assertRejected(write("v2.ldbatch.json", changed.getBytes(StandardCharsets.UTF_8)), "batch.error.newerVersion");
    }

    @Test
    void wrongFormatVersion() throws Exception {
        String zero = ExchangeFixture.text(good).replaceFirst("\"formatVersion\":1", "\"formatVersion\":0");
        assertRejected(write("v0.ldbatch.json", zero.getBytes(StandardCharsets.UTF_8)), "batch.error.badVersion");
        String text = ExchangeFixture.text(good).replaceFirst("\"formatVersion\":1", "\"formatVersion\":\"1\"");
        assertRejected(write("vs.ldbatch.json", text.getBytes(StandardCharsets.UTF_8)), "batch.error.badVersion");
    }

    @Test
    void notJson() throws Exception {
        assertRejected(write("notes.ldbatch.json", "意见汇总表\n第一条,路灯坏了\n".getBytes(StandardCharsets.UTF_8)),
                "batch.error.notABatch");
    }

    @Test
    void validJsonThatIsNotABatch() throws Exception {
        assertRejected(write("object.json", "{\"opinions\": []}".getBytes(StandardCharsets.UTF_8)),
                "batch.error.notABatch");
        assertRejected(write("array.json", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8)), "batch.error.notABatch");
        assertRejected(write("other.json", "{\"format\":\"xlsx\"}".getBytes(StandardCharsets.UTF_8)),
                "batch.error.notABatch");
    }

    @Test
    void emptyFile() throws Exception {
        assertRejected(write("empty.ldbatch.json", new byte[0]), "batch.error.empty");
    }

    @Test
    void twoGigabytesOfJunkAreRejectedFromTheFirstBytes() throws Exception {
        Path junk = dir.resolve("junk.ldbatch.json");
        try (RandomAccessFile f = new RandomAccessFile(junk.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        assertRejected(junk, "batch.error.notABatch");
    }

    @Test
    void twoGigabytesAfterAValidBeginningAreRejectedWhereTheJunkStarts() throws Exception {
        Path junk = dir.resolve("junk2.ldbatch.json");
        byte[] head = Arrays.copyOf(Files.readAllBytes(good), 300);
        try (RandomAccessFile f = new RandomAccessFile(junk.toFile(), "rw")) {
            f.write(head);
            f.setLength(2L << 30);
        }
        FileResult result = general.imports().importFile(junk, "clerk");
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(result.rejection().messageKey()).isIn("batch.error.damaged", "batch.error.stringTooLong");
        assertThat(ExchangeFixture.fingerprint(general)).isEqualTo(before);
    }

    @Test
    void aFileAboveTheSizeLimitIsNotRead() throws Exception {
        Path huge = dir.resolve("huge.ldbatch.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(BatchFormat.MAX_FILE_BYTES + 1);
        }
        assertRejected(huge, "batch.error.tooLarge");
    }

    @Test
    void deeplyNestedJson() throws Exception {
        String all = ExchangeFixture.text(good);
        String head = all.substring(0, all.indexOf("\"opinions\":[") + "\"opinions\":[".length());
        String nested = head + "{\"id\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";
        assertRejected(write("deep.ldbatch.json", nested.getBytes(StandardCharsets.UTF_8)), "batch.error.tooDeep");
    }

    @Test
    void tenMegabyteString() throws Exception {
        String huge = "长".repeat(10 << 20);
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("long.ldbatch.json"),
                doc -> ExchangeFixture.firstOpinion(doc).put("text", huge)), "batch.error.stringTooLong");
    }

    @Test
    void textJustAboveTheAppsLimit() throws Exception {
        String tooLong = "长".repeat(BatchFormat.MAX_TEXT + 1);
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("long2.ldbatch.json"),
                doc -> ExchangeFixture.firstOpinion(doc).put("text", tooLong)), "batch.error.opinion");
    }

    @Test
    void duplicateUuidsInOneBatch() throws Exception {
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("dup.ldbatch.json"), doc -> {
            ArrayNode opinions = (ArrayNode) doc.get("opinions");
            opinions.add(opinions.get(3).deepCopy());
        }), "batch.error.duplicate");
    }

    @Test
    void unknownAreaCode() throws Exception {
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("area7.ldbatch.json"), doc -> {
            ObjectNode o = ExchangeFixture.firstOpinion(doc);
            ((ArrayNode) o.get("areas")).addObject().put("area", 7).put("primary", false).putNull("subtopic")
                    .putNull("clause").put("score", 0.1).put("source", "auto").putNull("setBy")
                    .putNull("taxonomyVersion");
        }), "batch.error.opinion");
    }

    @Test
    void malformedSubtopic() throws Exception {
        Path bad = ExchangeFixture.rewrite(good, dir.resolve("sub.ldbatch.json"), doc -> {
            for (var o : doc.get("opinions")) {
                if (!o.get("areas").isEmpty()) {
                    ((ObjectNode) o.get("areas").get(0)).put("subtopic", "4-03");
                    return;
                }
            }
        });
        assertRejected(bad, "batch.error.opinion");
    }

    @Test
    void subtopicOfAnotherArea() throws Exception {
        Path bad = ExchangeFixture.rewrite(good, dir.resolve("sub2.ldbatch.json"), doc -> {
            for (var o : doc.get("opinions")) {
                ObjectNode tag = (ObjectNode) o.get("areas").get(0);
                if (tag != null && tag.get("area").asInt() != 6) {
                    tag.put("subtopic", "6.01");
                    return;
                }
            }
        });
        assertRejected(bad, "batch.error.areas");
    }

    @Test
    void malformedStationCode() throws Exception {
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("code.ldbatch.json"), doc -> {
            ((ObjectNode) doc.get("header")).put("station", "GS 007/../x");
            doc.get("opinions").forEach(o -> ((ObjectNode) o).put("station", "GS 007/../x"));
        }), "batch.error.stationCode");
    }

    @Test
    void anOpinionOfAnotherStation() throws Exception {
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("foreign.ldbatch.json"),
                doc -> ExchangeFixture.firstOpinion(doc).put("station", "GS-008")), "batch.error.foreignOpinion");
    }

    @Test
    void anUnknownField() throws Exception {
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("extra.ldbatch.json"),
                doc -> ExchangeFixture.firstOpinion(doc).put("secret", "x")), "batch.error.opinion");
    }

    @Test
    void countsThatDoNotAddUp() throws Exception {
        assertRejected(ExchangeFixture.rewrite(good, dir.resolve("count.ldbatch.json"),
                doc -> ((ArrayNode) doc.get("opinions")).remove(0)), "batch.error.count");
    }

    @Test
    void contentAfterTheEnd() throws Exception {
        String extra = ExchangeFixture.text(good) + "{\"more\":1}";
        assertRejected(write("extra2.ldbatch.json", extra.getBytes(StandardCharsets.UTF_8)),
                "batch.error.trailingData");
    }

    @Test
    void aFileThatIsNotThere() {
        assertRejected(dir.resolve("gone.ldbatch.json"), "batch.error.missing");
    }
}
