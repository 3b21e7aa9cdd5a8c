package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.exchange.ImportService.Outcome;
import org.liaisondesk.i18n.Messages;

/**
 * Issue 18: well-formed but wrong batches, crafted with a correct checksum (or, for what the parser must catch, with
 * the bytes changed), are each rejected with their own reason, and nothing of them is kept. At the end the genuine
 * batch still imports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CraftedBatchTest {

    @TempDir
    static Path dir;

    AppContext station;
    AppContext general;
    Path good;
    ExchangeFixture.Fingerprint before;
    final AtomicInteger rejected = new AtomicInteger();

    @BeforeAll
    void setUp() throws Exception {
        station = ExchangeFixture.station(dir);
        general = ExchangeFixture.general(dir);
        ExchangeFixture.addOpinions(station, 12);
        good = station.exports().export(Files.createDirectory(dir.resolve("usb")), "clerk").orElseThrow().file();
        before = ExchangeFixture.fingerprint(general);
    }

    @AfterAll
    void theGenuineBatchStillImports() {
        try {
            assertThat(rejected.get()).isEqualTo(crafted().count() + raw().count());
            assertThat(general.imports().importFile(good, "clerk").outcome()).isEqualTo(Outcome.IMPORTED);
        } finally {
            station.close();
            general.close();
        }
    }

    private static Arguments opinion(String what, Consumer<ObjectNode> change, String reason) {
        return Arguments.of(what, (Consumer<ObjectNode>) doc -> change.accept(ExchangeFixture.firstOpinion(doc)),
                reason);
    }

    private static Arguments header(String what, Consumer<ObjectNode> change, String reason) {
        return Arguments.of(what, (Consumer<ObjectNode>) doc -> change.accept((ObjectNode) doc.get("header")),
                reason);
    }

    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);

    static Stream<Arguments> crafted() {
        return Stream.of(
                header("sequence 2147483647", h -> h.put("sequence", Integer.MAX_VALUE), "batch.error.header"),
                header("sequence 5,000,000", h -> h.put("sequence", 5_000_000), "batch.error.header"),
                header("sequence 2^31", h -> h.put("sequence", 1L << 31), "batch.error.header"),
                header("sequence 0", h -> h.put("sequence", 0), "batch.error.header"),
                header("count above the schema's bound", h -> h.put("count", 20_000_001L), "batch.error.header"),
                header("count more than the file holds", h -> h.put("count", 1_000_000), "batch.error.countTooLarge"),
                header("written in 2090", h -> h.put("createdAt", "2090-01-01T00:00:00Z"),
                        "batch.error.createdInFuture"),
                header("written in year 0000", h -> h.put("createdAt", "0000-01-01T00:00:00Z"), "batch.error.header"),
                header("the general station's own code", h -> h.put("station", "HZ-000"), "batch.error.ownCode"),
                header("U+202E in the station's name", h -> h.put("stationName", "西湖区\u202E站络联"),
                        "batch.error.controlCharacter"),
                opinion("revision 2^31", o -> o.put("revision", 1L << 31), "batch.error.opinion"),
                opinion("revision 2^63", o -> o.put("revision", TWO_TO_63), "batch.error.opinion"),
                opinion("revision 0", o -> o.put("revision", 0), "batch.error.opinion"),
                opinion("receivedAt year 0000", o -> o.put("receivedAt", "0000-01-01T00:00"), "batch.error.opinion"),
                opinion("receivedAt 1999", o -> o.put("receivedAt", "1999-12-31T23:00"), "batch.error.opinion"),
                opinion("receivedAt after it was saved", o -> o.put("receivedAt", "2098-01-01T00:00"),
                        "batch.error.future"),
                opinion("updatedAt 2200", o -> o.put("updatedAt", "2200-01-01T00:00:00Z"), "batch.error.opinion"),
                opinion("updatedAt 2097", o -> o.put("updatedAt", "2097-01-01T00:00:00Z"), "batch.error.future"),
                opinion("whitespace-only text", o -> o.put("text", "  \u3000\n\t "), "batch.error.blankText"),
                opinion("NUL in the text", o -> o.put("text", "路灯\u0000坏了"), "batch.error.controlCharacter"),
                opinion("U+202E in the text", o -> o.put("text", "路灯\u202E了坏"), "batch.error.controlCharacter"),
                opinion("BEL in the resident's name", o -> ((ObjectNode) o.get("constituent")).put("name", "张\u0007三"),
                        "batch.error.controlCharacter"),
                opinion("U+2066 in the address", o -> ((ObjectNode) o.get("constituent")).put("address", "\u2066x"),
                        "batch.error.controlCharacter"),
                Arguments.of("score 2", (Consumer<ObjectNode>) doc -> ((ObjectNode) doc.get("opinions").get(1)
                        .get("areas").get(0)).put("score", 2), "batch.error.opinion"),
                Arguments.of("score -1", (Consumer<ObjectNode>) doc -> ((ObjectNode) doc.get("opinions").get(1)
                        .get("areas").get(0)).put("score", -1), "batch.error.opinion"),
                opinion("status recorded", o -> o.put("status", "recorded"), "batch.error.opinion"),
                opinion("status reviewed", o -> o.put("status", "reviewed"), "batch.error.opinion"),
                opinion("a number of another station", o -> o.put("number", "GS-008-2023-000001"),
                        "batch.error.foreignNumber"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crafted")
    void aCraftedBatchIsRejected(String what, Consumer<ObjectNode> change, String reason) throws Exception {
        Path file = ExchangeFixture.rewrite(good, dir.resolve(what.replaceAll("\\W", "_") + ".ldbatch.json"),
                change);
        assertRejected(file, reason);
    }

    /** Changes the parser must see: the bytes are changed and the checksum is not recomputed. */
    static Stream<Arguments> raw() {
        return Stream.of(
                Arguments.of("text twice in one opinion", (Raw) b -> utf8(new String(b, StandardCharsets.UTF_8)
                        .replaceFirst("\"text\":\"", "\"text\":\"伪造的内容\",\"text\":\"")),
                        "batch.error.duplicateKey"),
                Arguments.of("a UTF-8 byte-order mark", (Raw) b -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB,
                        (byte) 0xBF}, b), "batch.error.byteOrderMark"),
                Arguments.of("UTF-16LE", (Raw) b -> new String(b, StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_16LE), "batch.error.notUtf8"),
                Arguments.of("UTF-16 with its mark", (Raw) b -> new String(b, StandardCharsets.UTF_8)
                        .getBytes(StandardCharsets.UTF_16), "batch.error.notUtf8"),
                Arguments.of("a 50-digit number: no position known", (Raw) b -> utf8(new String(b,
                        StandardCharsets.UTF_8).replaceFirst("\"sequence\":1", "\"sequence\":1" + "0".repeat(50))),
                        "batch.error.damagedSomewhere"));
    }

    interface Raw {
        byte[] change(byte[] bytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("raw")
    void aChangedFileIsRejected(String what, Raw change, String reason) throws Exception {
        Path file = Files.write(dir.resolve(what.replaceAll("\\W", "_") + ".ldbatch.json"),
                change.change(Files.readAllBytes(good)));
        String message = assertRejected(file, reason);
        assertThat(message).doesNotContain("line -1").doesNotContain("column -1");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Imports {@code file}, checks it was rejected for {@code reason} and that nothing of it was kept. */
    private String assertRejected(Path file, String reason) throws IOException {
        FileResult result = general.imports().importFile(file, "clerk");
        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED);
        String message = result.rejection().localized(Messages.forLanguage("en"));
        assertThat(result.rejection().messageKey()).as(message).isEqualTo(reason);
        assertThat(message).doesNotContain(reason).doesNotContain("{0").doesNotContain("Exception")
                .doesNotContain("''");
        assertThat(ExchangeFixture.fingerprint(general)).isEqualTo(before);
        assertThat(general.audit().find(new org.liaisondesk.model.AuditQuery(null, null, "import-rejected", 1000)))
                .anySatisfy(e -> assertThat(e.toString()).contains(file.getFileName().toString()));
        rejected.incrementAndGet();
        return message;
    }
}
