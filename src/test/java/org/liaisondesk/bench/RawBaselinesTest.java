package org.liaisondesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionStats;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.store.Database;
import org.liaisondesk.store.OpinionRepository;
import org.liaisondesk.store.SearchRepository;

/** The floors the exchange's ratios are read against do the exchange's writes, and leave the station as it was. */
class RawBaselinesTest {

    @TempDir
    Path dir;

    @Test
    void theImportFloorStoresWhatAnImportStoresAndTheExportFloorRollsBack() throws Exception {
        try (AppContext station = AppContext.open(dir.resolve("station.db"), Messages.forLanguage("en"))) {
            station.stations().initialize("GS-001", "西湖区联络站", StationMode.STATION, "bench");
            station.generator().generate(300, 1, 7, "bench", done -> { });
            Path usb = Files.createDirectory(dir.resolve("usb"));
            station.exports().export(usb, "bench").orElseThrow();
            OpinionStats before = station.opinions().stats();
            int batches = station.exports().history(10).size();

            assertThat(RawBaselines.exportBookkeepingSeconds(station.database())).isPositive();

            assertThat(station.opinions().stats()).isEqualTo(before);
            assertThat(station.exports().history(10)).hasSize(batches);

            Path floor = dir.resolve("floor.db");
            assertThat(RawBaselines.importFloor(station.database().file(), floor)).isEqualTo(300);
            try (Database copy = Database.open(floor)) {
                OpinionRepository opinions = new OpinionRepository(copy);
                assertThat(opinions.stats().byStatus()).isEqualTo(before.byStatus());
                assertThat(opinions.stats().byArea()).isEqualTo(before.byArea());
                assertThat(opinions.count(OpinionFilter.ALL)).isEqualTo(300);
                assertThat(new SearchRepository(copy).pendingCount()).isZero();
                String word = station.opinions().page(OpinionFilter.ALL, org.liaisondesk.model.OpinionSort.NEWEST_FIRST,
                        0, 1).items().get(0).text().substring(0, 4);
                assertThat(found(new SearchRepository(copy), word)).isNotEmpty()
                        .containsExactlyInAnyOrderElementsOf(found(new SearchRepository(station.database()), word));
            }
        }
    }

    private static List<UUID> found(SearchRepository search, String word) {
        List<UUID> ids = new ArrayList<>();
        search.search(word, OpinionFilter.ALL, 0, 1_000, o -> ids.add(o.id()));
        return ids;
    }
}
