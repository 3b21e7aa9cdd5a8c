package org.liaisondesk.ui.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.model.AreaTag;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.Opinion;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.TagSource;
import org.liaisondesk.ui.TestUi;

/** The list's filter and row formatting, without a window. */
class OpinionListViewModelTest {

    @TempDir
    Path dir;
    private TestUi t;

    @BeforeEach
    void setUp() {
        t = new TestUi(dir.resolve("desk.db"));
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    @Test
    void rowsReadInChineseWithShortAreaLabelsAndAMaskedName() {
        OpinionListViewModel vm = model(t, StationMode.STATION);
        Opinion o = opinion("小区门口的公交站台没有遮雨棚,老人下雨天候车很不方便,建议增设。\n另外站牌字太小。",
                "王秀英", List.of(tag(4, true), tag(2, false)));
        OpinionRow row = vm.row(o);
        assertThat(row.received()).isEqualTo("2023年5月1日 09:30");
        assertThat(row.channel()).isEqualTo("电话");
        assertThat(row.status()).isEqualTo("录入");
        assertThat(row.areas()).isEqualTo("四 民生与共同富裕、二 经济发展");
        assertThat(row.constituent()).isEqualTo("王**");
        assertThat(row.excerpt()).doesNotContain("\n").startsWith("小区门口");

        OpinionRow anonymous = vm.row(opinion("意见", null, List.of()));
        assertThat(anonymous.constituent()).isEqualTo("匿名");
        assertThat(anonymous.areas()).isEqualTo("未归类");
    }

    @Test
    void theFilterCarriesEveryChoiceAndTheStationOnlyAtTheGeneralStation() {
        OpinionListViewModel vm = model(t, StationMode.STATION);
        assertThat(vm.filter()).isEqualTo(OpinionFilter.ALL);
        vm.statusProperty().set(Status.REVIEWED);
        vm.channelProperty().set(Channel.LETTER);
        vm.fromProperty().set(LocalDate.of(2023, 1, 1));
        vm.toProperty().set(LocalDate.of(2023, 3, 31));
        vm.areaProperty().set(0);
        vm.stationProperty().set("GS-008");
        vm.textProperty().set("  停车  ");
        vm.recycleBinProperty().set(true);
        assertThat(vm.filter()).isEqualTo(new OpinionFilter(Status.REVIEWED, Channel.LETTER, LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 3, 31), 0, null, "停车", true));

        OpinionListViewModel general = model(t, StationMode.GENERAL);
        general.stationProperty().set("GS-008");
        assertThat(general.filter().station()).isEqualTo("GS-008");
        general.clearFilters();
        assertThat(general.filter()).isEqualTo(OpinionFilter.ALL);
    }

    private static Opinion opinion(String text, String name, List<AreaTag> tags) {
        return new Opinion(UUID.randomUUID(), "GS-007-2023-000001", "GS-007", TestUi.NOW, Channel.PHONE,
                new Constituent(name, null, null, false), "张丽", text, tags, Status.RECORDED, Instant.now(),
                Instant.now(), 1, false);
    }

    private static AreaTag tag(int area, boolean primary) {
        return new AreaTag(area, null, null, primary, 0.5, TagSource.AUTO, null, "test");
    }

    private static OpinionListViewModel model(TestUi t, StationMode mode) {
        return new OpinionListViewModel(t.ui, t.app.opinionQueries(), t.app.opinionService(), t.app.stats(), mode);
    }
}
