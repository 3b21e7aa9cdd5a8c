package org.liaisondesk.ui.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.RemovableDrives;
import org.liaisondesk.exchange.RemovableDrives.Drive;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.Constituent;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.ui.ScreenHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ExchangeViewTest {

    @TempDir
    Path dir;

    ScreenHarness screens;
    AppContext station;
    AppContext general;

    @Start
    void start(Stage stage) {
        screens = new ScreenHarness(stage);
    }

    @AfterEach
    void close() {
        screens.close();
        if (station != null) {
            station.close();
        }
        if (general != null) {
            general.close();
        }
    }

    private ExchangeView show(FxRobot robot, AppContext app) {
        return screens.show(robot, app, "en", "clerk", ExchangeView::new, 1000, 760);
    }


    private Path exportedBatch() throws Exception {
        station = AppContext.open(dir.resolve("station.db"), Messages.forLanguage("en"));
        station.stations().initialize("GS-007", "西湖区联络站", StationMode.STATION, "clerk");
        for (String text : new String[] {"建议增设电动车充电桩", "路灯坏了需要维修"}) {
            station.opinionService().record(new OpinionInput(LocalDateTime.now().withNano(0), Channel.VISIT,
                    Constituent.ANONYMOUS, "clerk", text, List.of()), "clerk");
        }
        return Files.createDirectories(dir.resolve("usb"));
    }

    @Test
    void aStationExportsAndSeesTheBatchInItsHistory(FxRobot robot) throws Exception {
        Path usb = exportedBatch();
        ExchangeView view = show(robot, station);
        ScreenHarness.waitUntil(() -> robot.lookup("#exchange-export").queryAs(Button.class).isVisible());
        // a station imports only the return batches sent down to it: no preview of opinion batches
        assertThat(robot.lookup("#exchange-preview-drive").queryAs(Button.class).isVisible()).isFalse();
        assertThat(robot.lookup("#exchange-import-drive").queryAs(Button.class).getText())
                .isEqualTo("Import return batches from the stick");

        robot.interact(() -> view.model().exportTo(usb));
        ScreenHarness.waitUntil(() -> view.model().history().size() == 1 && !view.model().busyProperty().get());

        assertThat(view.model().history().get(0).count()).isEqualTo(2);
        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).contains("written and verified");
        assertThat(usb.toFile().list()).hasSize(1);
        assertThat(screens.errors()).isEmpty();
    }

    @Test
    void theMountedStickIsOfferedAndOneKeyExportsOntoIt(FxRobot robot) throws Exception {
        Path usb = exportedBatch();
        ExchangeView view = screens.show(robot, station, "zh", "clerk",
                ui -> new ExchangeView(ui, () -> List.of(new Drive(usb, "KINGSTON", 8_000_000_000L))), 1000, 760);
        String shown = "KINGSTON(" + usb + ",剩余 8.0 GB)";
        ScreenHarness.waitUntil(() -> robot.lookup("#exchange-drives .list-cell").queryAll().stream()
                .anyMatch(c -> shown.equals(((Labeled) c).getText())));

        robot.push(KeyCode.ENTER); // 导出到U盘 is the screen's default button
        ScreenHarness.waitUntil(() -> view.model().history().size() == 1 && !view.model().busyProperty().get());

        assertThat(usb.toFile().list()).hasSize(1).allMatch(n -> n.startsWith("GS-007-000001-"));
        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).contains("已写入并核对无误");
        assertThat(robot.lookup("#exchange-progress").query().getParent().isVisible()).as("progress bar gone").isFalse();
        assertThat(screens.errors()).isEmpty();
    }

    @Test
    void theChosenStickStaysChosenWhenTheDrivesAreLookedUpAgain(FxRobot robot) throws Exception {
        exportedBatch();
        AtomicInteger looks = new AtomicInteger();
        // each look reports the free space anew, so a refreshed drive is told apart from the one it replaces
        RemovableDrives finder = () -> {
            long free = looks.incrementAndGet();
            return List.of(new Drive(dir.resolve("a"), "A", free), new Drive(dir.resolve("b"), "B", free));
        };
        ExchangeView view = screens.show(robot, station, "zh", "clerk", ui -> new ExchangeView(ui, finder),
                1000, 760);
        ScreenHarness.waitUntil(() -> view.model().driveProperty().get() != null);
        assertThat(view.model().driveProperty().get().name()).isEqualTo("A");

        robot.interact(() -> view.model().driveProperty().set(view.model().drives().get(1)));
        long before = view.model().driveProperty().get().freeBytes();
        robot.interact(() -> view.model().refreshDrives());
        ScreenHarness.waitUntil(() -> view.model().driveProperty().get().freeBytes() > before);

        assertThat(view.model().driveProperty().get().name()).isEqualTo("B");
    }

    /** #13: the general station looks at what a stick would bring before importing it; nothing is kept. */
    @Test
    void thePreviewOfAStickSaysWhatWouldBeImportedAndKeepsNothing(FxRobot robot) throws Exception {
        Path usb = exportedBatch();
        station.exports().export(usb, "clerk").orElseThrow();
        general = AppContext.open(dir.resolve("general.db"), Messages.forLanguage("zh"));
        general.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "operator");
        ExchangeView view = screens.show(robot, general, "zh", "operator",
                ui -> new ExchangeView(ui, () -> List.of(new Drive(usb, "KINGSTON", 8_000_000_000L))), 1000, 760);
        ScreenHarness.waitUntil(() -> view.model().driveProperty().get() != null
                && robot.lookup("#exchange-preview-drive").queryButton().isVisible());

        robot.clickOn("#exchange-preview-drive");
        ScreenHarness.waitUntil(() -> !view.model().busyProperty().get() && view.model().report().size() == 1);
        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).startsWith("预览")
                .contains("尚未导入任何内容");
        assertThat(view.model().report().get(0).outcome()).isEqualTo("将导入");
        assertThat(general.opinions().count(org.liaisondesk.model.OpinionFilter.ALL)).isZero();
        assertThat(general.exports().history(10)).isEmpty();

        robot.clickOn("#exchange-import-drive");
        ScreenHarness.waitUntil(() -> !view.model().busyProperty().get()
                && general.opinions().count(org.liaisondesk.model.OpinionFilter.ALL) == 2);
        assertThat(view.model().report().get(0).outcome()).isEqualTo("已导入");
        assertThat(screens.errors()).isEmpty();
    }

    /**
     * #13's loop over the stick, through both windows' exchange screens: the station's opinion goes up, the general
     * station assigns it and writes the return batch, the station imports it, records 不满意, sends it up, and the
     * general station sees the re-handling.
     */
    @Test
    void returnBatchesGoDownAndHandlingChangesComeUpThroughTheWindow(FxRobot robot) throws Exception {
        Path usb = exportedBatch();
        general = AppContext.open(dir.resolve("general.db"), Messages.forLanguage("zh"));
        general.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "operator");
        general.handling().saveUnit("JD-01", "湖滨街道办事处", "street", null, null, "operator");

        ExchangeView atStation = stationScreen(robot, usb);
        robot.interact(() -> atStation.model().exportTo(usb));
        waitIdle(atStation);
        ExchangeView atGeneral = generalScreen(robot, usb);
        robot.interact(() -> atGeneral.model().importPaths(List.of(usb)));
        waitIdle(atGeneral);
        List<java.util.UUID> ids = new java.util.ArrayList<>();
        general.opinions().forEach(org.liaisondesk.model.OpinionFilter.ALL, new org.liaisondesk.model.OpinionSort(
                org.liaisondesk.model.OpinionSort.Field.RECEIVED_AT, true), 1, o -> ids.add(o.id()));
        java.util.UUID id = ids.get(0);
        general.handling().assign(id, new org.liaisondesk.service.HandlingService.Assignment("JD-01", List.of(),
                null, null, "请街道核实", false), "operator");
        general.handling().sign(id, "operator");
        general.handling().reply(id, new org.liaisondesk.service.HandlingService.Reply("已修复", "李科长",
                null, null, org.liaisondesk.model.Outcome.A, null, null), "operator");
        assertThat(robot.lookup("#exchange-export").queryButton().getText()).isEqualTo("写回执批次到U盘");
        robot.interact(() -> atGeneral.model().exportTo(usb));
        waitIdle(atGeneral);
        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).startsWith("已写入 1 个回执批次");

        ExchangeView back = stationScreen(robot, usb);
        assertThat(robot.lookup("#exchange-import-drive").queryButton().getText()).isEqualTo("从U盘导入回执批次");
        robot.interact(() -> back.model().importPaths(List.of(usb)));
        waitIdle(back);
        assertThat(station.handling().caseOf(id).stage()).isEqualTo(org.liaisondesk.model.Stage.REPLIED);
        station.handling().feedback(id, "电话告知", "clerk");
        station.handling().visit(id, org.liaisondesk.model.Rating.DISSATISFIED, "路灯又坏了", "clerk");
        robot.interact(() -> back.model().exportTo(usb));
        waitIdle(back);
        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).contains("另写入办理情况批次 1 个");

        ExchangeView again = generalScreen(robot, usb);
        robot.interact(() -> again.model().importPaths(List.of(usb)));
        waitIdle(again);
        assertThat(general.handling().caseOf(id).stage()).isEqualTo(org.liaisondesk.model.Stage.REHANDLING);
        assertThat(again.model().report()).anyMatch(r -> r.detail().startsWith("办理批次:GS-007"));
        assertThat(screens.errors()).isEmpty();
    }

    private ExchangeView stationScreen(FxRobot robot, Path usb) throws Exception {
        ExchangeView view = screens.show(robot, station, "zh", "clerk",
                ui -> new ExchangeView(ui, () -> List.of(new Drive(usb, "KINGSTON", 8_000_000_000L))), 1000, 760);
        ScreenHarness.waitUntil(() -> robot.lookup("#exchange-export").queryButton().isVisible()
                && !view.model().generalStationProperty().get());
        return view;
    }

    private ExchangeView generalScreen(FxRobot robot, Path usb) throws Exception {
        ExchangeView view = screens.show(robot, general, "zh", "operator",
                ui -> new ExchangeView(ui, () -> List.of(new Drive(usb, "KINGSTON", 8_000_000_000L))), 1000, 760);
        ScreenHarness.waitUntil(() -> view.model().generalStationProperty().get());
        return view;
    }

    private static void waitIdle(ExchangeView view) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        ScreenHarness.waitUntil(() -> !view.model().busyProperty().get());
    }

    @Test
    void stoppingAnExportSaysNothingWasWrittenAndLeavesTheStickEmpty(FxRobot robot) throws Exception {
        Path usb = exportedBatch();
        for (int i = 0; i < 600; i++) {
            station.opinionService().record(new OpinionInput(LocalDateTime.now().withNano(0), Channel.PHONE,
                    Constituent.ANONYMOUS, "clerk", "第" + i + "条:小区门口的路灯坏了", List.of()), "clerk");
        }
        ExchangeView view = screens.show(robot, station, "zh", "clerk", ui -> new ExchangeView(ui, List::of),
                1000, 760);
        ScreenHarness.waitUntil(() -> robot.lookup("#exchange-export-folder").queryButton().isVisible());

        robot.interact(() -> {
            view.model().exportTo(usb);
            robot.lookup("#exchange-stop").queryButton().fire(); // the export has not written 256 opinions yet
        });
        ScreenHarness.waitUntil(() -> !view.model().busyProperty().get());

        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).startsWith("已停止");
        assertThat(usb.toFile().list()).isEmpty();
        assertThat(view.model().history()).isEmpty();
        assertThat(screens.errors()).isEmpty();
    }

    @Test
    void withoutAStickTheScreenSaysSoAndOffersAnotherFolder(FxRobot robot) throws Exception {
        exportedBatch();
        ExchangeView view = screens.show(robot, station, "zh", "clerk", ui -> new ExchangeView(ui, List::of),
                1000, 760);
        ScreenHarness.waitUntil(() -> robot.lookup("#exchange-export").queryButton().isVisible());

        assertThat(robot.lookup("#exchange-drives").queryComboBox().getPromptText()).startsWith("未发现U盘");
        assertThat(robot.lookup("#exchange-export").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#exchange-export-folder").queryButton().isDisabled()).isFalse();
        assertThat(view.model().drives()).isEmpty();
    }

    @Test
    void theGeneralStationImportsAndSeesAReportPerFile(FxRobot robot) throws Exception {
        Path usb = exportedBatch();
        Path good = station.exports().export(usb, "clerk").orElseThrow().file();
        Files.write(usb.resolve("broken.ldbatch.json"), new byte[0]);
        general = AppContext.open(dir.resolve("general.db"), Messages.forLanguage("en"));
        general.stations().initialize("HZ-000", "联络总站", StationMode.GENERAL, "clerk");
        ExchangeView view = show(robot, general);
        ScreenHarness.waitUntil(() -> robot.lookup("#exchange-import-folder").queryAs(Button.class).isVisible());
        // the general station's export writes return batches, not opinion batches
        assertThat(robot.lookup("#exchange-export").queryAs(Button.class).getText())
                .isEqualTo("Write return batches to the stick");

        int[] changes = {0};
        robot.interact(() -> screens.changes().listen(() -> changes[0]++));
        robot.interact(() -> view.model().importPaths(List.of(usb)));
        ScreenHarness.waitUntil(() -> view.model().report().size() == 2 && view.model().history().size() == 1);
        assertThat(changes[0]).as("the status bar's count and other screens hear of the new opinions").isEqualTo(1);

        assertThat(view.model().report()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo("broken.ldbatch.json");
            assertThat(r.rejected()).isTrue();
            assertThat(r.detail()).contains("empty");
        });
        assertThat(view.model().report()).anySatisfy(r -> {
            assertThat(r.file()).isEqualTo(good.getFileName().toString());
            assertThat(r.detail()).contains("2 new");
        });
        assertThat(robot.lookup("#exchange-status").queryAs(Label.class).getText()).contains("1 rejected");
        assertThat(general.opinions().stats().opinions()).isEqualTo(2);
    }
}
