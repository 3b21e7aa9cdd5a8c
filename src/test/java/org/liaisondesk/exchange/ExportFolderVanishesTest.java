package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.ExportPrivacy;
import org.liaisondesk.model.Progress;

/**
 * The stick pulled while a batch is written (#18 "a folder that vanishes during export"): a clear message, nothing
 * recorded, no batch number used up, no plain copy left behind, and the next export onto the stick put back is the
 * same batch 1 and imports whole.
 */
class ExportFolderVanishesTest {

    @TempDir
    Path dir;

    @Test
    void theStickPulledMidExportUsesNoNumberAndTheNextExportIsWhole() throws Exception {
        Path usb = Files.createDirectory(dir.resolve("usb"));
        try (AppContext station = ExchangeFixture.station(dir); AppContext general = ExchangeFixture.general(dir)) {
            ExchangeFixture.addOpinions(station, 600);
            Progress pullsTheStick = new Progress() {
                @Override
                public void update(long done, long total) {
                    deleteTree(usb);
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            };
            Throwable failed = catchThrowable(() -> station.exports().export(usb, ExportPrivacy.BY_CONSENT, "clerk",
                    pullsTheStick));
            assertThat(failed).isInstanceOf(UserFacingException.class);
            assertThat(station.messages().get(((UserFacingException) failed).messageKey(),
                    ((UserFacingException) failed).args())).contains(usb.toString()).doesNotContain("Exception");
            assertThat(station.exports().history(10)).isEmpty();
            Path work = dir.resolve("exchange-work");
            if (Files.isDirectory(work)) {
                try (Stream<Path> left = Files.list(work)) {
                    assertThat(left).as("no plain copy of the residents' data left behind").isEmpty();
                }
            }

            Files.createDirectory(usb);
            ExportService.Exported again = station.exports().export(usb, "clerk").orElseThrow();
            assertThat(again.header().sequence()).isEqualTo(1);
            assertThat(again.header().count()).isEqualTo(600);
            general.imports().importPaths(java.util.List.of(again.file()), "operator");
            assertThat(general.opinions().count(org.liaisondesk.model.OpinionFilter.ALL)).isEqualTo(600);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
