package org.liaisondesk.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ExportService.Exported;
import org.liaisondesk.model.Handling;
import org.liaisondesk.model.ImportCounts;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Priority;
import org.liaisondesk.model.Status;
import org.liaisondesk.service.ReviewService.Decision;

/** Review results (note, priority, handling, reply, status, history) travel to the general station in batches. */
class ReviewExchangeTest {

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
}
