package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.liaisondesk.exchange.ExchangeFixture.STATION;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ExportService.Exported;
import org.liaisondesk.exchange.ImportService.FileResult;
import org.liaisondesk.exchange.ImportService.Outcome;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.ExchangeConflict;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.ImportCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.OpinionStats;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Progress;
import org.liaisondesk.model.Status;
import org.liaisondesk.service.ReviewService;
import org.liaisondesk.service.ReviewService.Decision;

class ExchangeRoundTripTest {

    @TempDir
    Path dir;

    AppContext station;
    AppContext general;
    Path usb;

    @BeforeEach
    void open() throws Exception {
        station = ExchangeFixture.station(dir);
        general = ExchangeFixture.general(dir);
        usb = Files.createDirectory(dir.resolve("usb"));
    }

    @AfterEach
    void close() {
        station.close();
        general.close();
    }

    @Test
    void twoThousandOpinionsTravelOnceAndReimportingChangesNothing() {
        ExchangeFixture.addOpinions(station, 2000);

        Exported batch = station.exports().export(usb, "clerk").orElseThrow();

        assertThat(batch.file().getFileName().toString()).matches("GS-007-000001-\\d{8}\\.ldbatch\\.json");
        assertThat(batch.header().count()).isEqualTo(2000);
        assertThat(usb).isDirectoryNotContaining("glob:**.part");
        assertThat(station.opinions().stats().byStatus()).containsEntry("exported", 2000L).containsEntry("recorded", 0L);
        assertThat(station.opinions().stats().batchesExported()).isEqualTo(1);

        FileResult first = general.imports().importFile(batch.file(), "clerk");
        assertThat(first.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(first.counts()).isEqualTo(new ImportCounts(2000, 0, 0, 0));
        OpinionStats atGeneral = general.opinions().stats();
        OpinionStats atStation = station.opinions().stats();
        assertThat(atGeneral.opinions()).isEqualTo(2000);
        assertThat(atGeneral.byArea()).isEqualTo(atStation.byArea());
        assertThat(atGeneral.byStation()).containsExactlyEntriesOf(java.util.Map.of(STATION, 2000L));
        assertThat(atGeneral.batchesImported()).isEqualTo(1);
        Opinion sample = station.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 1).items().get(0);
        assertThat(general.opinions().find(sample.id())).contains(sample);

        ExchangeFixture.Fingerprint before = ExchangeFixture.fingerprint(general);
        FileResult again = general.imports().importFile(batch.file(), "clerk");
        assertThat(again.outcome()).isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(again.importedAt()).isNotNull();
        assertThat(ExchangeFixture.fingerprint(general)).isEqualTo(before);
    }

    @Test
    void nothingNewMeansNoBatch() {
        assertThat(station.exports().export(usb, "clerk")).isEmpty();
        ExchangeFixture.addOpinions(station, 3);
        station.exports().export(usb, "clerk").orElseThrow();

        assertThat(station.exports().export(usb, "clerk")).isEmpty();
        assertThat(usb.toFile().list()).hasSize(1);
    }

    @Test
    void anOpinionAddedAndOneEditedArriveAsOneNewAndOneUpdated() {
        ExchangeFixture.addOpinions(station, 20);
        general.imports().importFile(station.exports().export(usb, "clerk").orElseThrow().file(), "clerk");
        Opinion toEdit = station.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 1).items().get(0);
        OpinionInput edited = new OpinionInput(toEdit.receivedAt(), toEdit.channel(), toEdit.constituent(),
                toEdit.receivedBy(), "改过的意见:路灯已经修好,建议再加装监控。", List.of());
        station.opinionService().edit(toEdit.id(), toEdit.revision(), edited, "clerk");
        Opinion added = station.opinionService().record(new OpinionInput(LocalDateTime.now().withNano(0),
                Channel.PHONE, new Constituent("李四", null, null, false), "clerk", "菜市场周边停车难。", List.of()),
                "clerk");

        Exported second = station.exports().export(usb, "clerk").orElseThrow();

        assertThat(second.header().sequence()).isEqualTo(2);
        assertThat(second.header().count()).isEqualTo(2);
        FileResult result = general.imports().importFile(second.file(), "clerk");
        assertThat(result.counts()).isEqualTo(new ImportCounts(1, 1, 0, 0));
        assertThat(general.opinions().find(toEdit.id()).orElseThrow().text()).startsWith("改过的意见");
        assertThat(general.opinions().find(toEdit.id()).orElseThrow().revision()).isEqualTo(2);
        assertThat(general.opinions().find(added.id()).orElseThrow().status()).isEqualTo(Status.EXPORTED);
        assertThat(station.opinions().find(added.id()).orElseThrow().status()).isEqualTo(Status.EXPORTED);
        assertThat(general.opinions().stats().opinions()).isEqualTo(21);
    }

    @Test
    void aDeletedOpinionIsDeletedAtTheGeneralStationToo() {
        ExchangeFixture.addOpinions(station, 5);
        general.imports().importFile(station.exports().export(usb, "clerk").orElseThrow().file(), "clerk");
        Opinion gone = station.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 1).items().get(0);
        station.opinionService().delete(gone.id(), "clerk");

        general.imports().importFile(station.exports().export(usb, "clerk").orElseThrow().file(), "clerk");

        assertThat(general.opinions().stats().opinions()).isEqualTo(4);
        assertThat(general.opinions().find(gone.id()).orElseThrow().deleted()).isTrue();
    }

    @Test
    void anEarlierBatchCanBeWrittenAgainIdenticallyAndCountsOnce() throws Exception {
        ExchangeFixture.addOpinions(station, 50);
        Exported original = station.exports().export(usb, "clerk").orElseThrow();
        byte[] originalBytes = Files.readAllBytes(original.file());
        Path otherStick = Files.createDirectory(dir.resolve("stick2"));

        Exported rewritten = station.exports().exportAgain(1, otherStick, "clerk");

        assertThat(rewritten.file().getFileName()).isEqualTo(original.file().getFileName());
        assertThat(Files.readAllBytes(rewritten.file())).isEqualTo(originalBytes);
        assertThat(station.opinions().stats().batchesExported()).isEqualTo(1);
        assertThat(general.imports().importFile(rewritten.file(), "clerk").outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(general.imports().importFile(original.file(), "clerk").outcome())
                .isEqualTo(Outcome.ALREADY_IMPORTED);
        assertThat(general.opinions().stats().opinions()).isEqualTo(50);
        assertThatThrownBy(() -> station.exports().exportAgain(7, otherStick, "clerk"))
                .isInstanceOf(UserFacingException.class)
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("export.error.noSuchBatch");
    }

    @Test
    void aMissingBatchIsShownAsAGap() throws Exception {
        ExchangeFixture.addOpinions(station, 2);
        Path first = station.exports().export(usb, "clerk").orElseThrow().file();
        ExchangeFixture.addOpinions(station, 2);
        station.exports().export(usb, "clerk").orElseThrow();
        ExchangeFixture.addOpinions(station, 2);
        station.exports().export(usb, "clerk").orElseThrow();
        Files.delete(first);

        ImportService.Report report = general.imports().importPaths(List.of(usb), "clerk");

        assertThat(report.files()).extracting(FileResult::outcome).containsOnly(Outcome.IMPORTED);
        assertThat(report.gaps()).containsExactlyEntriesOf(java.util.Map.of(STATION,
                List.of(new org.liaisondesk.model.SequenceRange(1, 1))));
    }

    @Test
    void sameRevisionWithDifferentContentIsKeptAsideNotOverwritten() throws Exception {
        ExchangeFixture.addOpinions(station, 3);
        Exported batch = station.exports().export(usb, "clerk").orElseThrow();
        general.imports().importFile(batch.file(), "clerk");
        Path forged = ExchangeFixture.rewrite(batch.file(), dir.resolve("forged.ldbatch.json"), doc -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("header"))
                    .put("batchId", java.util.UUID.randomUUID().toString()).put("sequence", 2);
            ExchangeFixture.firstOpinion(doc).put("text", "同一修订却内容不同");
        });
        String id = ExchangeFixture.readWhole(forged).get("opinions").get(0).get("id").asText();

        FileResult result = general.imports().importFile(forged, "clerk");

        assertThat(result.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 0, 2, 1));
        assertThat(result.conflicts()).singleElement()
                .extracting(ImportService.Conflict::kind).isEqualTo(ExchangeConflict.Kind.CONTENT);
        assertThat(general.opinions().find(java.util.UUID.fromString(id)).orElseThrow().text())
                .doesNotContain("同一修订却内容不同");
        assertThat(general.imports().openConflicts(10)).singleElement()
                .satisfies(c -> assertThat(c.incomingJson()).contains("同一修订却内容不同"));
    }

    @Test
    void anotherOpinionUnderAHeldNumberIsKeptAsideAndTheRestIsStored() throws Exception {
        ExchangeFixture.addOpinions(station, 3);
        Exported batch = station.exports().export(usb, "clerk").orElseThrow();
        general.imports().importFile(batch.file(), "clerk");
        java.util.UUID newcomer = java.util.UUID.randomUUID();
        Path reused = ExchangeFixture.rewrite(batch.file(), dir.resolve("reused.ldbatch.json"), doc -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) doc.get("header"))
                    .put("batchId", java.util.UUID.randomUUID().toString()).put("sequence", 2);
            ExchangeFixture.firstOpinion(doc).put("id", newcomer.toString()).put("text", "同一编号的另一条意见");
        });
        String number = ExchangeFixture.readWhole(reused).get("opinions").get(0).get("number").asText();

        FileResult result = general.imports().importFile(reused, "clerk");

        assertThat(result.outcome()).isEqualTo(Outcome.IMPORTED);
        assertThat(result.counts()).isEqualTo(new ImportCounts(0, 0, 2, 1));
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ExchangeConflict.Kind.NUMBER);
            assertThat(c.number()).isEqualTo(number);
        });
        assertThat(general.opinions().find(newcomer)).isEmpty();
        assertThat(general.opinions().stats().opinions()).isEqualTo(3);
        assertThat(general.searchService().search("同一编号的另一条意见", OpinionFilter.ALL, 0, 10)).isEmpty();
    }

    @Test
    void exportIsRefusedAtTheGeneralStationAndImportAtAStation() {
        assertThatThrownBy(() -> general.exports().export(usb, "clerk"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("export.error.generalMode");
        assertThatThrownBy(() -> station.imports().importPaths(List.of(usb), "clerk"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("import.error.stationMode");
        assertThatThrownBy(() -> station.exports().export(dir.resolve("no-such-stick"), "clerk"))
                .extracting(e -> ((UserFacingException) e).messageKey()).isEqualTo("export.error.noFolder");
    }

    /** Review results (note, priority, handling, reply, status, history) travel to the general station. */
    @Test
    void reviewAndHistoryRoundTripAndLaterChangesUpdateTheGeneralStation() throws Exception {
        ExchangeFixture.addOpinions(station, 5);
        List<Opinion> all = station.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, 5).items();
        Opinion reviewed = station.reviews().review(all.get(0).id(), all.get(0).revision(),
                new Decision(List.of(2, 5), "转街道核实", Priority.URGENT, Handling.STREET, null), "王代表");
        Opinion rejected = station.reviews().review(all.get(1).id(), all.get(1).revision(),
                new Decision(List.of(1), null, Priority.NORMAL, Handling.REJECTED, "已进入诉讼程序"), "王代表");

        Exported first = station.exports().export(usb, "clerk").orElseThrow();
        assertThat(ExchangeFixture.text(first.file())).contains("\"review\":", "\"history\":");
        assertThat(general.imports().importFile(first.file(), "clerk").counts())
                .isEqualTo(new ImportCounts(5, 0, 0, 0));

        assertThat(general.reviews().review(reviewed.id())).isEqualTo(station.reviews().review(reviewed.id()));
        assertThat(general.reviews().history(reviewed.id())).isEqualTo(station.reviews().history(reviewed.id()));
        assertThat(general.reviews().review(rejected.id()).reason()).isEqualTo("已进入诉讼程序");
        assertThat(general.opinions().find(reviewed.id())).isEqualTo(station.opinions().find(reviewed.id()));
        assertThat(general.reviews().history(all.get(2).id())).isEmpty();
        // the general station reviews what was sent unreviewed
        assertThat(general.reviews().pendingCount()).isEqualTo(3);
        assertThat(general.reviews().queue(ReviewService.QueueOrder.OLDEST, 0, 10).items()).extracting(Opinion::id)
                .doesNotContain(reviewed.id(), rejected.id()).contains(all.get(2).id());

        Opinion exported = station.opinions().find(reviewed.id()).orElseThrow();
        Opinion handling = station.reviews().setStatus(reviewed.id(), exported.revision(), Status.HANDLING, null,
                "clerk");
        station.reviews().setStatus(reviewed.id(), handling.revision(), Status.CLOSED, "路面已修补", "clerk");
        Exported second = station.exports().export(usb, "clerk").orElseThrow();
        assertThat(general.imports().importFile(second.file(), "clerk").counts())
                .isEqualTo(new ImportCounts(0, 1, 0, 0));

        assertThat(general.opinions().find(reviewed.id()).orElseThrow().status()).isEqualTo(Status.CLOSED);
        assertThat(general.reviews().review(reviewed.id()).reply()).isEqualTo("路面已修补");
        assertThat(general.reviews().history(reviewed.id())).isEqualTo(station.reviews().history(reviewed.id()));
    }

    @Test
    void aStoppedExportLeavesNoFileRecordsNothingAndTheNextExportIsTheSameBatch() throws Exception {
        ExchangeFixture.addOpinions(station, 2000);
        StopAfter stop = new StopAfter(1000);

        assertThatThrownBy(() -> station.exports().export(usb, ExportPrivacy.BY_CONSENT, "clerk", stop))
                .isInstanceOf(Progress.Cancelled.class);

        assertThat(stop.updates).isNotEmpty().allMatch(u -> u[1] == 2000 && u[0] <= 2000);
        try (var left = Files.list(usb)) { // nothing, not even a .part file
            assertThat(left).isEmpty();
        }
        assertThat(station.opinions().stats().batchesExported()).isZero();
        assertThat(station.opinions().stats().byStatus()).containsEntry("recorded", 2000L);

        StopAfter never = new StopAfter(Long.MAX_VALUE);
        var batch = station.exports().export(usb, ExportPrivacy.BY_CONSENT, "clerk", never).orElseThrow();
        assertThat(batch.header().sequence()).isEqualTo(1);
        assertThat(batch.header().count()).isEqualTo(2000);
        assertThat(never.updates.get(never.updates.size() - 1)[0]).isEqualTo(1792); // the last multiple of 256
    }

    @Test
    void aStoppedRewriteOfAnEarlierBatchLeavesNoFile() throws Exception {
        ExchangeFixture.addOpinions(station, 600);
        Files.delete(station.exports().export(usb, "clerk").orElseThrow().file());

        assertThatThrownBy(() -> station.exports().exportAgain(1, usb, "clerk", new StopAfter(256)))
                .isInstanceOf(Progress.Cancelled.class);

        try (var left = Files.list(usb)) {
            assertThat(left).isEmpty();
        }
        assertThat(station.exports().exportAgain(1, usb, "clerk").header().count()).isEqualTo(600);
    }

    @Test
    void aStoppedImportKeepsTheBatchesFinishedAndNothingOfTheOneInProgress() throws Exception {
        ExchangeFixture.addOpinions(station, 300);
        station.exports().export(usb, "clerk").orElseThrow();
        ExchangeFixture.addOpinions(station, 1000);
        station.exports().export(usb, "clerk").orElseThrow();
        // the first file's 300 opinions pass a check at 256; stop once the second file has begun
        StopAfter stop = new StopAfter(ImportService.PER_FILE + 1);

        ImportService.Report report = general.imports().importPaths(List.of(usb), "clerk", stop);

        assertThat(report.files()).extracting(FileResult::outcome).containsExactly(Outcome.IMPORTED);
        assertThat(report.notImported()).isEqualTo(1);
        assertThat(general.opinions().stats().opinions()).isEqualTo(300);
        assertThat(general.opinions().stats().batchesImported()).isEqualTo(1);

        ImportService.Report rest = general.imports().importPaths(List.of(usb), "clerk");
        assertThat(rest.files()).extracting(FileResult::outcome)
                .containsExactly(Outcome.ALREADY_IMPORTED, Outcome.IMPORTED);
        assertThat(rest.notImported()).isZero();
        assertThat(general.opinions().stats().opinions()).isEqualTo(1300);
    }

    /** Records every update and asks to stop once {@code done} passed {@code limit}. */
    private static final class StopAfter implements Progress {
        final List<long[]> updates = new ArrayList<>();
        private final long limit;
        private boolean stop;

        StopAfter(long limit) {
            this.limit = limit;
        }

        @Override
        public void update(long done, long total) {
            updates.add(new long[] {done, total});
            stop = done >= limit;
        }

        @Override
        public boolean cancelled() {
            return stop;
        }
    }
}
