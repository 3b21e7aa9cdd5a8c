package org.liaisondesk.ui.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.ui.ScreenHarness;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dashboard on a generated general-station database of 2,000 opinions from three stations: the charts show the
 * database's totals, the filters change them, the Excel export and a chart's PNG are written.
 */
@ExtendWith(ApplicationExtension.class)
class StatsViewTest {

    /** Generated opinions span 2023–2025; "today" is mid-May 2024 so 本月 / 今年 have data. */
    private static final LocalDateTime TODAY = LocalDateTime.of(2024, 5, 15, 10, 0);
    private static final int COUNT = 2000;

    @TempDir
    static Path shared;

    private static Path template;

    @TempDir
    Path dir;

    ScreenHarness screens;
    AppContext app;

    @BeforeAll
    static void generate() {
        template = shared.resolve("template.db");
        try (AppContext a = AppContext.open(template, Messages.forLanguage("zh"))) {
            a.stations().initialize("GS-000", "联络总站", StationMode.GENERAL, "test");
            a.generator().generate(COUNT, 3, 7, "test", n -> { });
        }
    }

    @AfterAll
    static void done() {
        template = null;
    }

    @Start
    void start(Stage stage) {
        screens = new ScreenHarness(stage);
    }

    @AfterEach
    void close() {
        screens.close();
        if (app != null) {
            app.close();
        }
    }

    private StatsView show(FxRobot robot) throws Exception {
        Path db = dir.resolve("general.db");
        Files.copy(template, db);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        app = AppContext.open(db, Messages.forLanguage("zh"), Clock.fixed(TODAY.atZone(zone).toInstant(), zone));
        StatsView built = screens.show(robot, app, "zh", "张丽", StatsView::new, 1200, 800);
        robot.interact(built::onShown);
        StatsView[] view = {built};
        ScreenHarness.waitUntil(() -> !view[0].model().loadingProperty().get() && view[0].model().totalProperty().get() > 0);
        return view[0];
    }


    @SuppressWarnings("unchecked")
    private static <X, Y> List<XYChart.Data<X, Y>> bars(FxRobot robot, String id) {
        return ((XYChart<X, Y>) robot.lookup(id).queryAs(XYChart.class)).getData().get(0).getData();
    }

    private static long sumX(List<XYChart.Data<Number, String>> data) {
        return data.stream().mapToLong(d -> d.getXValue().longValue()).sum();
    }

    private static long sumY(List<XYChart.Data<String, Number>> data) {
        return data.stream().mapToLong(d -> d.getYValue().longValue()).sum();
    }

    @Test
    void theChartsShowTheDatabasesTotalsAndFollowTheFilters(FxRobot robot) throws Exception {
        StatsView view = show(robot);
        DashboardCounts all = app.stats().dashboard(OpinionFilter.ALL).counts();

        assertThat(all.total()).isEqualTo(COUNT);
        assertThat(robot.lookup("#stats-summary").queryAs(Label.class).getText()).contains("共 2,000 条意见");
        List<XYChart.Data<Number, String>> areas = bars(robot, "#stats-areas");
        assertThat(sumX(areas)).isEqualTo(COUNT);
        assertThat(areas).anySatisfy(d -> {
            assertThat(d.getYValue()).isEqualTo("四 民生与共同富裕");
            assertThat(d.getXValue().longValue()).isEqualTo(all.byArea().get(4));
        });
        assertThat(areas.get(areas.size() - 1).getYValue()).isEqualTo("一 政治建设");
        List<XYChart.Data<String, Number>> stations = bars(robot, "#stats-stations");
        assertThat(stations).hasSize(3);
        assertThat(sumY(stations)).isEqualTo(COUNT);
        assertThat(robot.lookup("#stats-stations").query().isVisible()).isTrue();
        assertThat(sumY(bars(robot, "#stats-months"))).isEqualTo(COUNT);
        assertThat(robot.lookup("#stats-channels").queryAs(PieChart.class).getData().stream()
                .mapToLong(d -> (long) d.getPieValue()).sum()).isEqualTo(COUNT);
        assertThat(view.model().statuses().stream().mapToLong(s -> s.getData().get(0).getXValue().longValue())
                .sum()).isEqualTo(COUNT);
        List<XYChart.Data<Number, String>> subtopics = bars(robot, "#stats-subtopics");
        assertThat(subtopics).hasSize(15);
        assertThat(subtopics.get(14).getXValue().longValue()).isGreaterThanOrEqualTo(
                subtopics.get(0).getXValue().longValue());
        ScreenHarness.waitUntil(() -> !view.model().mattersBusyProperty().get());
        assertThat(view.model().matters()).isNotEmpty();
        assertThat(view.model().matters().get(0).size()).isGreaterThanOrEqualTo(2);

        // 今年 from the keyboard: focus on it, Space.
        robot.interact(() -> robot.lookup("#stats-period-year").query().requestFocus());
        robot.type(KeyCode.SPACE);
        OpinionFilter year = OpinionFilter.ALL.withReceived(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 5, 15));
        long inYear = app.opinions().count(year);
        ScreenHarness.waitUntil(() -> !view.model().loadingProperty().get() && view.model().totalProperty().get() == inYear);
        assertThat(view.model().fromProperty().get()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(sumX(bars(robot, "#stats-areas"))).isEqualTo(inYear);
        assertThat(bars(robot, "#stats-months")).hasSize(5);

        String station = all.byStation().keySet().iterator().next();
        robot.interact(() -> view.model().stationProperty().set(station));
        long atStation = app.opinions().count(year.withStation(station));
        ScreenHarness.waitUntil(() -> !view.model().loadingProperty().get() && view.model().totalProperty().get() == atStation);
        assertThat(sumY(bars(robot, "#stats-stations"))).isEqualTo(atStation);
        assertThat(screens.errors()).isEmpty();
    }

    @Test
    void exportsTheFilteredListToExcelAndSavesAChartAsPng(FxRobot robot) throws Exception {
        StatsView view = show(robot);
        robot.interact(() -> {
            view.model().cancelMatters();
            view.model().periodProperty().set(StatsViewModel.Period.MONTH);
        });
        long inMonth = app.opinions().count(OpinionFilter.ALL.withReceived(LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 15)));
        ScreenHarness.waitUntil(() -> !view.model().loadingProperty().get() && view.model().totalProperty().get() == inMonth);
        Path xlsx = dir.resolve("五月.xlsx");
        Path png = dir.resolve("领域.png");

        robot.interact(() -> view.model().exportXlsx(xlsx));
        ScreenHarness.waitUntil(() -> !view.model().exportingProperty().get());
        robot.interact(() -> view.saveChart(robot.lookup("#stats-areas").query(), png));
        ScreenHarness.waitUntil(() -> !view.model().exportingProperty().get());

        assertThat(robot.lookup("#stats-status").queryAs(Label.class).getText()).contains("图表已保存");
        try (InputStream in = Files.newInputStream(xlsx); ReadableWorkbook wb = new ReadableWorkbook(in)) {
            assertThat(wb.getFirstSheet().read()).hasSize((int) inMonth + 1);
        }
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        // #14.9: the saved chart is large enough to print (it was the on-screen size, 535×300), drawn from the data.
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(675);
        assertThat(screens.errors()).isEmpty();
    }
}
