package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ImportService.Outcome;

/**
 * Issue 18: an export killed after its file got its final name on the stick (but before the station recorded it)
 * never lets the next export write other content under the same sequence number; an export killed while sealing
 * leaves no plain batch behind once the next export starts. The kill is a child JVM halting at that moment.
 */
class ExportCrashTest {

    @TempDir
    Path dir;

    /** The key passphrases each installation's administrator set; the crashing child unlocks the station's too. */
    static final String GENERAL_PASSPHRASE = "general-passphrase";
    static final String STATION_PASSPHRASE = "station-passphrase";

    Path usb;
    Path generalKey;

    @BeforeEach
    void setUp() throws Exception {
        usb = Files.createDirectory(dir.resolve("usb"));
        generalKey = dir.resolve("general.key");
        Path stationKey = dir.resolve("station.key");
        try (AppContext general = ExchangeFixture.general(dir); AppContext station = ExchangeFixture.station(dir)) {
            general.keys().unlock(GENERAL_PASSPHRASE.toCharArray(), "test");
            station.keys().unlock(STATION_PASSPHRASE.toCharArray(), "test");
            general.keys().generateGeneral("test");
            general.keys().exportPublic(generalKey, "test");
            station.keys().importGeneral(generalKey, "test");
            station.keys().exportPublic(stationKey, "test");
            general.keys().importStation(stationKey, "test");
            ExchangeFixture.addOpinions(station, 6);
        }
    }

    private void exportAndDie(String when) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                ExportCrasher.class.getName(), dir.resolve("station.db").toString(), usb.toString(), when)
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("child.log"))).isEqualTo(9);
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void aFileNamedButNotRecordedKeepsItsSequenceNumber() throws Exception {
        exportAndDie("afterRename");
        List<Path> orphan = files(usb);
        assertThat(orphan).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".ldbatch.enc"));
        byte[] orphanBytes = Files.readAllBytes(orphan.get(0));

        ExportService.Exported next;
        try (AppContext station = AppContext.open(dir.resolve("station.db"),
                org.liaisondesk.i18n.Messages.forLanguage("en"))) {
            station.keys().unlock(STATION_PASSPHRASE.toCharArray(), "test");
            ExchangeFixture.addOpinions(station, 1);
            next = station.exports().export(usb, "clerk").orElseThrow();
            assertThat(station.audit().find(new org.liaisondesk.model.AuditQuery(null, null, "export", 10)))
                    .anySatisfy(e -> assertThat(e.detail()).contains("supersedes=1:"));
        }

        assertThat(next.header().sequence()).isEqualTo(2);
        assertThat(Files.readAllBytes(orphan.get(0))).isEqualTo(orphanBytes); // not overwritten
        try (AppContext general = AppContext.open(dir.resolve("general.db"),
                org.liaisondesk.i18n.Messages.forLanguage("en"))) {
            general.keys().unlock(GENERAL_PASSPHRASE.toCharArray(), "test");
            ImportService.Report report = general.imports().importPaths(List.of(usb), "clerk");
            assertThat(report.files()).extracting(ImportService.FileResult::outcome)
                    .containsExactly(Outcome.IMPORTED, Outcome.IMPORTED);
            assertThat(general.opinions().stats().opinions()).isEqualTo(7);
        }
    }

    @Test
    void aKillWhileSealingLeavesNoPlainBatchOnceTheNextExportStarts() throws Exception {
        exportAndDie("whileSealing");
        Path work = dir.resolve("exchange-work");
        assertThat(files(work)).isNotEmpty(); // the plain batch the killed export was sealing
        assertThat(files(usb)).allSatisfy(f -> assertThat(f.toString()).endsWith(".part"));

        try (AppContext station = AppContext.open(dir.resolve("station.db"),
                org.liaisondesk.i18n.Messages.forLanguage("en"))) {
            station.keys().unlock(STATION_PASSPHRASE.toCharArray(), "test");
            ExportService.Exported next = station.exports().export(usb, "clerk").orElseThrow();
            assertThat(next.header().sequence()).isEqualTo(1); // the file never got its name: the number is free
        }
        assertThat(files(work)).isEmpty();
        assertThat(files(usb)).singleElement().satisfies(f -> assertThat(f.toString()).endsWith(".ldbatch.enc"));
    }
}
