package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.exchange.ImportService.Outcome;
import org.liaisondesk.model.BatchRecord;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.SequenceRange;
import org.liaisondesk.store.ExchangeRepository;

/**
 * Issue 18: a batch id is taken once and only with the content it had; a station's sequence number is used once;
 * missing batches are listed as ranges whose cost never follows a number a batch chose; a FIFO never hangs an import.
 */
class ImportIdentityTest {

    @TempDir
    Path dir;

    AppContext station;
    AppContext general;
    Path usb;

    @BeforeEach
    void setUp() throws Exception {
        station = ExchangeFixture.station(dir);
        general = ExchangeFixture.general(dir);
        usb = Files.createDirectory(dir.resolve("usb"));
    }

    @AfterEach
    void close() {
        station.close();
        general.close();
    }

    private Path exportSome(int n) {
        ExchangeFixture.addOpinions(station, n);
        return station.exports().export(usb, "clerk").orElseThrow().file();
    }

    @Test
    void aKnownBatchIdWithOtherContentIsRejectedNotCalledAlreadyImported() throws Exception {
        Path batch = exportSome(5);
        assertThat(general.imports().importFile(batch, "clerk").outcome()).isEqualTo(Outcome.IMPORTED);
        ExchangeFixture.Fingerprint before = ExchangeFixture.fingerprint(general);

        Path altered = ExchangeFixture.rewrite(batch, dir.resolve("altered.ldbatch.json"),
                doc -> ExchangeFixture.firstOpinion(doc).put("text", "改过的内容"));
        FileResult r = general.imports().importFile(altered, "clerk");

        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.rejection().messageKey()).isEqualTo("batch.error.alteredCopy");
        assertThat(r.rejection().localized(general.messages())).contains("different content", "damaged or altered");
        assertThat(ExchangeFixture.fingerprint(general)).isEqualTo(before);

        // the same content laid out differently (same checksum) is still "already imported"
        Path reindented = Files.writeString(dir.resolve("pretty.ldbatch.json"), new com.fasterxml.jackson.databind
                .ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ExchangeFixture.readWhole(batch)));
        assertThat(general.imports().importFile(reindented, "clerk").outcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
    }

    @Test
    void theSameSequenceUnderANewBatchIdIsRejected() throws Exception {
        Path batch = exportSome(3);
        general.imports().importFile(batch, "clerk");
        ExchangeFixture.Fingerprint before = ExchangeFixture.fingerprint(general);
        String firstId = ExchangeFixture.readWhole(batch).get("header").get("batchId").asText();

        Path second = ExchangeFixture.rewrite(batch, dir.resolve("again.ldbatch.json"), doc -> ((com.fasterxml
                .jackson.databind.node.ObjectNode) doc.get("header")).put("batchId", UUID.randomUUID().toString()));
        FileResult r = general.imports().importFile(second, "clerk");

        assertThat(r.outcome()).isEqualTo(Outcome.REJECTED);
        assertThat(r.rejection().localized(general.messages()))
                .contains("Sequence 1 of station GS-007 was already imported as batch " + firstId);
        assertThat(ExchangeFixture.fingerprint(general)).isEqualTo(before);
    }

    @Test
    void gapsAreRangesAndStayBoundedWhateverIsStored() throws Exception {
        Path one = exportSome(2);
        exportSome(2);
        Path three = exportSome(2);
        general.imports().importFile(one, "clerk");
        // what an older version let in: a wrapped and a huge sequence number, stored before the bounds existed
        ExchangeRepository repo = new ExchangeRepository(general.database());
        for (int sequence : new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, -1, 0}) {
            repo.transaction(tx -> {
                tx.insertBatch(new BatchRecord(UUID.randomUUID(), BatchRecord.Direction.IMPORT, "GS-007", "x",
                        sequence, Instant.now(), Instant.now(), 0, "", "old.ldbatch.json", null,
                        ExportPrivacy.BY_CONSENT, false, null));
                return null;
            });
        }

        ImportService.Report report = general.imports().importPaths(List.of(three), "clerk");

        assertThat(report.gaps().get("GS-007")).containsExactly(new SequenceRange(2, 2),
                new SequenceRange(4, Integer.MAX_VALUE - 1L));
        assertThat(report.gaps().get("GS-007").get(1)).hasToString("4–2147483646");

        for (int i = 0; i < 40; i++) {
            int sequence = 100 + 2 * i;
            repo.transaction(tx -> {
                tx.insertBatch(new BatchRecord(UUID.randomUUID(), BatchRecord.Direction.IMPORT, "GS-007", "x",
                        sequence, Instant.now(), Instant.now(), 0, "", "old.ldbatch.json", null,
                        ExportPrivacy.BY_CONSENT, false, null));
                return null;
            });
        }
        assertThat(general.imports().importPaths(List.of(three), "clerk").gaps().get("GS-007"))
                .hasSize(ImportService.GAP_RANGES_LISTED);
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    @Timeout(120)
    void aFifoWithABatchNameIsSkippedNotWaitedFor() throws Exception {
        exportSome(2);
        Path fifo = usb.resolve("GS-007-000099-20230501.ldbatch.json");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

        ImportService.Report report = general.imports().importPaths(List.of(usb), "clerk");

        assertThat(report.files()).extracting(FileResult::outcome)
                .containsExactlyInAnyOrder(Outcome.IMPORTED, Outcome.REJECTED);
        FileResult skipped = report.files().stream().filter(f -> f.outcome() == Outcome.REJECTED).findFirst()
                .orElseThrow();
        assertThat(skipped.rejection().messageKey()).isEqualTo("batch.error.notRegular");
        assertThat(general.imports().importFile(fifo, "clerk").rejection().messageKey())
                .isEqualTo("batch.error.notRegular");
    }
}
