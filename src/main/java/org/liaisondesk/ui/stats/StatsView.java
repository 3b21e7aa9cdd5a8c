package org.liaisondesk.ui.stats;

import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.beans.Observable;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.Chart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.liaisondesk.ui.Shown;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.report.ChartPainter;
import org.liaisondesk.ui.print.PrintView;
import org.liaisondesk.ui.Screen;
import org.liaisondesk.ui.DateFields;
import org.liaisondesk.ui.UiContext;
import org.liaisondesk.ui.stats.StatsViewModel.MatterRow;
import org.liaisondesk.ui.stats.StatsViewModel.Period;

/**
 * The statistics dashboard (统计): period and station filters on top, then the totals and handling progress, the
 * primary areas, the months, the top sub-topics, the channels, the stations (general station only) and the largest
 * matters of the period. "导出 Excel" writes the filtered opinions, "保存图表" a chart as PNG. The view only binds and
 * forwards; {@link StatsViewModel} does the rest.
 */
public final class StatsView implements Screen {

    private final UiContext ui;
    private final StatsViewModel model;
    private final VBox root = new VBox();
    /** The charts "保存图表" offers, by their title. */
    private final Map<String, Chart> charts = new LinkedHashMap<>();
    private final PrintView printing;

    public StatsView(UiContext ui) {
        this.ui = ui;
        this.model = ui.services().stats(ui);
        this.printing = new PrintView(ui, () -> root.getScene() == null ? null : root.getScene().getWindow());
        build();
        ui.changes().listen(model::refresh);
    }

    public StatsViewModel model() {
        return model;
    }

    /** Ctrl+P: the deputies' reception notice (接待公告). */
    @Override
    public boolean print() {
        printing.notice();
        return true;
    }

    @Override
    public Parent root() {
        return root;
    }

    /** Counts (again): reviews and imports change the numbers while the screen is hidden. */
    @Override
    public void onShown() {
        model.refresh();
    }

    private void build() {
        root.getStyleClass().add("stats");
        root.getStylesheets().add(StatsView.class.getResource("stats.css").toExternalForm());

        GridPane grid = new GridPane();
        grid.getStyleClass().add("stats-grid");
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        Label summary = new Label();
        summary.setId("stats-summary");
        summary.getStyleClass().add("stats-summary");
        summary.textProperty().bind(model.summaryProperty());
        grid.add(card(new VBox(summary, progress(), rates()), "stats.progress.title"), 0, 0, 2, 1);
        grid.add(card(horizontalBars("stats-areas", "stats.areas.title", model.areas()), null), 0, 1);
        grid.add(card(monthChart(), null), 1, 1);
        grid.add(card(horizontalBars("stats-subtopics", "stats.subtopics.title", model.subtopics()), null), 0, 2, 2, 1);
        Node channels = card(channelChart(), null);
        Node stations = card(stationChart(), null);
        stations.visibleProperty().bind(model.generalStationProperty());
        stations.managedProperty().bind(stations.visibleProperty());
        model.generalStationProperty().addListener((o, was, is) -> GridPane.setColumnSpan(channels, is ? 1 : 2));
        GridPane.setColumnSpan(channels, 2);
        grid.add(channels, 0, 3);
        grid.add(stations, 1, 3);
        grid.add(card(matters(), "stats.matters.title"), 0, 4, 2, 1);
        grid.add(card(dutyTable(), null), 0, 5, 2, 1);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("stats-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(filters(), status(), scroll);
    }

    /** The handling rates (办结率, 按时办结率, 满意率, 回访率) in a row under the progress bar. */
    private Node rates() {
        String[] keys = {"closed", "onTime", "satisfaction", "visit"};
        HBox row = new HBox();
        row.setId("stats-rates");
        row.getStyleClass().add("stats-rates");
        Label title = new Label(ui.text("handling.ui.rates.title"));
        title.getStyleClass().add("stats-rates-title");
        row.getChildren().add(title);
        for (int i = 0; i < keys.length; i++) {
            Label name = new Label(ui.text("handling.ui.rates." + keys[i]));
            Label value = new Label();
            value.setId("stats-rate-" + keys[i]);
            value.getStyleClass().add("stats-rate-value");
            value.textProperty().bind(model.rates().get(i));
            HBox pair = new HBox(name, value);
            pair.getStyleClass().add("stats-rate");
            row.getChildren().add(pair);
        }
        return new VBox(row, groupRates());
    }

    /** The same rates per main unit, task area or station, for the period and station chosen above. */
    private Node groupRates() {
        javafx.scene.control.ComboBox<org.liaisondesk.service.HandlingService.RateGroup> by =
                new javafx.scene.control.ComboBox<>();
        by.setId("stats-rates-by");
        by.getItems().setAll(org.liaisondesk.service.HandlingService.RateGroup.values());
        by.setConverter(Shown.as(model::rateGroupText));
        by.valueProperty().bindBidirectional(model.rateGroupProperty());
        javafx.scene.control.TableView<StatsViewModel.RateRow> table = new javafx.scene.control.TableView<>(
                model.groupRates());
        table.setId("stats-rate-groups");
        table.setPrefHeight(150);
        table.setColumnResizePolicy(javafx.scene.control.TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(ui.text("stats.rates.empty")));
        String[] keys = {"group", "cases", "closed", "onTime", "satisfaction", "visit"};
        List<java.util.function.Function<StatsViewModel.RateRow, String>> values = List.of(
                StatsViewModel.RateRow::group, StatsViewModel.RateRow::cases, StatsViewModel.RateRow::closed,
                StatsViewModel.RateRow::onTime, StatsViewModel.RateRow::satisfaction, StatsViewModel.RateRow::visit);
        for (int i = 0; i < keys.length; i++) {
            java.util.function.Function<StatsViewModel.RateRow, String> value = values.get(i);
            javafx.scene.control.TableColumn<StatsViewModel.RateRow, String> c = new javafx.scene.control.TableColumn<>(
                    ui.text(i < 2 ? "stats.rates.col." + keys[i] : "handling.ui.rates." + keys[i]));
            c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(f.getValue())));
            table.getColumns().add(c);
        }
        HBox head = new HBox(new Label(ui.text("stats.rates.byLabel")), by);
        head.getStyleClass().add("inline-fields");
        return new VBox(head, table);
    }

    private Node filters() {
        ToggleGroup group = new ToggleGroup();
        HBox periods = new HBox();
        periods.getStyleClass().add("stats-periods");
        for (Period p : new Period[] {Period.MONTH, Period.QUARTER, Period.YEAR, Period.ALL}) {
            ToggleButton b = new ToggleButton(model.periodText(p));
            b.setId("stats-period-" + p.name().toLowerCase(Locale.ROOT));
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the toolbar is tight in English: never "This mo…"
            b.setToggleGroup(group);
            b.setUserData(p);
            b.setSelected(model.periodProperty().get() == p);
            b.setOnAction(e -> {
                b.setSelected(true);
                model.periodProperty().set(p);
            });
            periods.getChildren().add(b);
        }
        model.periodProperty().addListener((o, was, is) -> group.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == is)));

        DatePicker from = datePicker("stats-from", "stats.filter.from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = datePicker("stats-to", "stats.filter.to");
        to.valueProperty().bindBidirectional(model.toProperty());

        ComboBox<String> station = new ComboBox<>();
        station.setId("stats-station");
        station.setPromptText(ui.text("stats.filter.allStations"));
        model.stations().addListener((ListChangeListener<String>) c -> {
            String chosen = station.getValue();
            station.getItems().setAll(model.stations());
            station.getItems().add(0, null);
            station.setValue(chosen);
        });
        station.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? ui.text("stats.filter.allStations") : code;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        station.valueProperty().bindBidirectional(model.stationProperty());
        station.visibleProperty().bind(model.generalStationProperty());
        station.managedProperty().bind(station.visibleProperty());

        ProgressIndicator loading = new ProgressIndicator();
        loading.getStyleClass().add("stats-spinner");
        loading.visibleProperty().bind(model.loadingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox row = new HBox(periods, from, new Label("—"), to, station, loading, grow, actions());
        row.getStyleClass().add("stats-filters");
        return row;
    }

    private DatePicker datePicker(String id, String promptKey) {
        DatePicker p = DateFields.picker(ui, id, promptKey, null);
        p.getStyleClass().add("stats-date");
        return p;
    }

    private Node actions() {
        Button excel = new Button(ui.text("stats.export.button"));
        excel.setId("stats-export");
        excel.setOnAction(e -> choose("stats.export.choose", "stats.export.filter", "*.xlsx",
                ui.text("stats.export.fileName", model.today())).ifPresent(model::exportXlsx));
        MenuButton save = new MenuButton(ui.text("stats.chart.button"));
        save.setId("stats-save-chart");
        Button cancel = new Button(ui.text("stats.cancel"));
        cancel.setId("stats-export-cancel");
        cancel.setOnAction(e -> model.cancelExport());
        ProgressIndicator working = new ProgressIndicator();
        working.getStyleClass().add("stats-spinner");
        for (Node n : new Node[] {cancel, working}) {
            n.visibleProperty().bind(model.exportingProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        excel.disableProperty().bind(model.exportingProperty());
        save.disableProperty().bind(model.exportingProperty());
        charts.forEach((title, chart) -> {
            MenuItem item = new MenuItem(title);
            item.setOnAction(a -> choose("stats.chart.choose", "stats.chart.filter", "*.png", title + ".png")
                    .ifPresent(file -> saveChart(chart, file)));
            if ("stats-stations".equals(chart.getId())) {
                item.visibleProperty().bind(model.generalStationProperty());
            }
            save.getItems().add(item);
        });
        Button report = new Button(ui.text("report.button"));
        report.setId("stats-report");
        report.disableProperty().bind(model.exportingProperty());
        report.setOnAction(e -> chooseReport().ifPresent(model::exportReport));
        HBox row = new HBox(working, cancel, report, excel, save);
        row.getStyleClass().add("stats-actions");
        return row;
    }

    /** The outcome of the last export, shown only when there is one. */
    private Node status() {
        Label status = new Label();
        status.setId("stats-status");
        status.getStyleClass().add("stats-status");
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        return status;
    }

    /** Saves {@code chart}'s data as a 1200×675 PNG with its title, the period and the station. */
    void saveChart(Node chart, Path file) {
        String title = charts.entrySet().stream().filter(e -> e.getValue() == chart).map(Map.Entry::getKey)
                .findFirst().orElse("");
        model.savePng(chart.getId(), title, file);
    }

    private Optional<Path> choose(String titleKey, String filterKey, String pattern, String initialName) {
        return choose(titleKey, initialName, new FileChooser.ExtensionFilter(ui.text(filterKey), pattern));
    }

    /** The report as Word or, when LibreOffice is installed, PDF: the chosen file's ending decides. */
    private Optional<Path> chooseReport() {
        String name = ui.text("report.fileName", model.reportPeriod().title());
        FileChooser.ExtensionFilter docx = new FileChooser.ExtensionFilter(ui.text("report.filter"), "*.docx");
        FileChooser.ExtensionFilter pdf = new FileChooser.ExtensionFilter(ui.text("report.filter.pdf"), "*.pdf");
        return choose("report.choose", name, docx, pdf).map(p -> {
            String lower = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            return lower.endsWith(".pdf") || lower.endsWith(".docx") ? p
                    : p.resolveSibling(p.getFileName() + (lastFilter == pdf ? ".pdf" : ".docx"));
        });
    }

    private FileChooser.ExtensionFilter lastFilter;

    private Optional<Path> choose(String titleKey, String initialName, FileChooser.ExtensionFilter... filters) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(ui.text(titleKey));
        chooser.getExtensionFilters().addAll(filters);
        chooser.setInitialFileName(initialName);
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        lastFilter = chooser.getSelectedExtensionFilter();
        return Optional.ofNullable(file).map(File::toPath);
    }

    private Node card(Node content, String titleKey) {
        VBox box = new VBox();
        box.getStyleClass().add("stats-card");
        if (titleKey != null) {
            Label title = new Label(ui.text(titleKey));
            title.getStyleClass().add("stats-card-title");
            box.getChildren().add(title);
        }
        box.getChildren().add(content);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    private <C extends Chart> C chart(C chart, String id, String titleKey) {
        chart.setId(id);
        chart.setTitle(ui.text(titleKey));
        chart.setAnimated(false);
        charts.put(ui.text(titleKey), chart);
        return chart;
    }

    /** An axis of whole counts. */
    private static NumberAxis counts() {
        NumberAxis count = new NumberAxis();
        count.setMinorTickVisible(false);
        count.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Long.valueOf(s);
            }
        });
        return count;
    }

    /**
     * Keeps {@code axis} on whole-number ticks (1, 2, 5, 10 …, as the saved charts) for counts up to what
     * {@code max} says: JavaFX's own ranging steps by 0.5 for small counts.
     */
    private static void wholeTicks(NumberAxis axis, java.util.function.LongSupplier max, Observable... sources) {
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        Runnable apply = () -> {
            long[] range = ChartPainter.axis(max.getAsLong());
            axis.setUpperBound(range[0]);
            axis.setTickUnit(range[1]);
        };
        apply.run();
        for (Observable o : sources) {
            o.addListener(x -> apply.run());
        }
    }

    private static <X, Y> long largest(List<XYChart.Data<X, Y>> data, boolean xIsCount) {
        return data.stream().mapToLong(d -> ((Number) (xIsCount ? d.getXValue() : d.getYValue())).longValue())
                .max().orElse(0);
    }

    /** The one series a chart shows, over {@code data}. */
    private static <X, Y> ObservableList<XYChart.Series<X, Y>> single(ObservableList<XYChart.Data<X, Y>> data) {
        return FXCollections.observableArrayList(List.of(new XYChart.Series<>(data)));
    }

    /** A one-series chart (no legend) registered for "保存图表". */
    private <C extends XYChart<?, ?>> C plain(C chart, String id, String titleKey) {
        chart(chart, id, titleKey).setLegendVisible(false);
        return chart;
    }

    private Chart progress() {
        CategoryAxis label = new CategoryAxis();
        label.setTickLabelsVisible(false);
        label.setTickMarkVisible(false);
        NumberAxis axis = counts();
        wholeTicks(axis, () -> model.totalProperty().get(), model.totalProperty());
        StackedBarChart<Number, String> bar = chart(new StackedBarChart<>(axis, label, model.statuses()),
                "stats-progress", "stats.progress.title");
        bar.setTitle(null);
        bar.getStyleClass().add("stats-progress");
        bar.setLegendSide(Side.RIGHT);
        return bar;
    }

    private Chart horizontalBars(String id, String titleKey, ObservableList<XYChart.Data<Number, String>> data) {
        NumberAxis axis = counts();
        wholeTicks(axis, () -> largest(data, true), data);
        BarChart<Number, String> bar = plain(new BarChart<>(axis, new CategoryAxis(), single(data)), id,
                titleKey);
        bar.setCategoryGap(6);
        return bar;
    }

    private Chart monthChart() {
        NumberAxis axis = counts();
        wholeTicks(axis, () -> largest(model.months(), false), model.months());
        return plain(new AreaChart<>(new CategoryAxis(), axis, single(model.months())), "stats-months",
                "stats.months.title");
    }

    private Chart channelChart() {
        PieChart pie = chart(new PieChart(model.channels()), "stats-channels", "stats.channels.title");
        // The legend names each slice with its count; slice labels land on top of each other when data is replaced.
        pie.setLabelsVisible(false);
        pie.setLegendSide(Side.RIGHT);
        pie.setStartAngle(90);
        return pie;
    }

    private Chart stationChart() {
        NumberAxis axis = counts();
        wholeTicks(axis, () -> largest(model.byStation(), false), model.byStation());
        return plain(new BarChart<>(new CategoryAxis(), axis, single(model.byStation())), "stats-stations",
                "stats.stations.title");
    }

    /** The deputies' duty records (代表履职档案) of the period's year: one row per deputy. */
    private Node dutyTable() {
        Label title = new Label();
        title.getStyleClass().add("stats-card-title");
        title.textProperty().bind(model.dutyTitleProperty());
        TableView<DutyRecord> table = new TableView<>(model.duty());
        table.setId("stats-duty");
        TableColumn<DutyRecord, String> name = new TableColumn<>(ui.text("report.duty.deputy"));
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().deputy()));
        table.getColumns().add(name);
        String[] keys = {"receptions", "residents", "reviewed", "suggestions"};
        for (int i = 0; i < keys.length; i++) {
            int column = i;
            TableColumn<DutyRecord, Number> n = new TableColumn<>(ui.text("report.duty." + keys[i]));
            n.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(switch (column) {
                case 0 -> c.getValue().receptions();
                case 1 -> c.getValue().residents();
                case 2 -> c.getValue().reviewed();
                default -> c.getValue().suggestions();
            }));
            n.getStyleClass().add("stats-number");
            table.getColumns().add(n);
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(ui.text("report.duty.none")));
        table.setPrefHeight(180);
        MenuButton print = new MenuButton(ui.text("print.menu"));
        print.setId("stats-print");
        MenuItem notice = new MenuItem(ui.text("print.notice.item"));
        notice.setId("stats-print-notice");
        notice.setOnAction(e -> printing.notice());
        MenuItem today = new MenuItem(ui.text("print.register.today"));
        today.setId("stats-print-today");
        today.setOnAction(e -> printing.registersOf(model.today()));
        print.getItems().addAll(notice, today);
        print.disableProperty().bind(printing.model().printingProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, title, gap, printing.status(), print);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(head, table);
    }

    private Node matters() {
        TableView<MatterRow> table = new TableView<>(model.matters());
        table.setId("stats-matters");
        table.getStyleClass().add("stats-matters");
        TableColumn<MatterRow, Number> size = new TableColumn<>(ui.text("stats.matters.size"));
        size.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().size()));
        size.getStyleClass().add("stats-number");
        size.setPrefWidth(80);
        size.setMaxWidth(100);
        TableColumn<MatterRow, String> stations = new TableColumn<>(ui.text("stats.matters.stations"));
        stations.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().stations()));
        stations.setPrefWidth(220);
        stations.setMaxWidth(280);
        TableColumn<MatterRow, String> text = new TableColumn<>(ui.text("stats.matters.text"));
        text.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().text()));
        table.getColumns().addAll(List.of(size, stations, text));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label();
        empty.textProperty().bind(model.mattersStatusProperty());
        table.setPlaceholder(empty);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("stats-spinner");
        Button cancel = new Button(ui.text("stats.cancel"));
        cancel.setId("stats-matters-cancel");
        cancel.setOnAction(e -> model.cancelMatters());
        Label status = new Label(ui.text("stats.matters.searching"));
        status.setId("stats-matters-status");
        for (Node n : new Node[] {spinner, status, cancel}) {
            n.visibleProperty().bind(model.mattersBusyProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        HBox busy = new HBox(spinner, status, cancel);
        busy.getStyleClass().add("stats-matters-busy");
        return new VBox(busy, table);
    }
}
