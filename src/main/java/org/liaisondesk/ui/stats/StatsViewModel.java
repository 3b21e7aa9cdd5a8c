package org.liaisondesk.ui.stats;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import org.liaisondesk.i18n.UserFacingException;
import org.liaisondesk.model.DashboardCounts;
import org.liaisondesk.model.DutyRecord;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.model.Progress;
import org.liaisondesk.report.ChartPainter;
import org.liaisondesk.report.ReportPeriod;
import org.liaisondesk.report.ReportService;
import org.liaisondesk.service.AtomicFile;
import org.liaisondesk.service.HandlingService;
import org.liaisondesk.service.StatsService;
import org.liaisondesk.report.ReceptionService;
import org.liaisondesk.service.OpinionQueries;
import org.liaisondesk.service.StationService;
import org.liaisondesk.ui.UiContext;

/**
 * State of the statistics dashboard (统计): the period and station filters, the chart data (display-ready, in the
 * user's language), the largest matters, and the Excel/PNG exports. Every query runs in the background; answers to
 * an older filter are dropped. The largest matters are slow on large sets, so they run as their own cancellable task.
 */
public final class StatsViewModel {

    /** The quick period choices; CUSTOM once a date is picked by hand. */
    public enum Period { MONTH, QUARTER, YEAR, ALL, CUSTOM }

    /** How many of the largest matters the table shows. */
    static final int MATTERS = 10;
    private static final int LABEL_CHARS = 16;
    private static final int MATTER_CHARS = 80;

    /** A row of the largest-matters table. */
    public record MatterRow(int size, String stations, String text) {
    }

    private final UiContext ui;
    private final NumberFormat numbers;
    private final DateTimeFormatter monthFormat;
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(Period.ALL);
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<String> station = new SimpleObjectProperty<>();
    private final ObservableList<String> stations = FXCollections.observableArrayList();
    private final BooleanProperty generalStation = new SimpleBooleanProperty();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final LongProperty total = new SimpleLongProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<XYChart.Data<Number, String>> areas = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, String>> subtopics = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> months = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<String, Number>> byStation = FXCollections.observableArrayList();
    private final ObservableList<PieChart.Data> channels = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, String>> statuses = FXCollections.observableArrayList();
    private final ObservableList<MatterRow> matters = FXCollections.observableArrayList();
    private final ObservableList<DutyRecord> duty = FXCollections.observableArrayList();
    private final StringProperty dutyTitle = new SimpleStringProperty("");
    private final BooleanProperty mattersBusy = new SimpleBooleanProperty();
    private final StringProperty mattersStatus = new SimpleStringProperty("");
    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("");
    /** 办结率, 按时办结率, 满意率, 回访率 of the handling loop, as "85%" or "—". */
    private final List<StringProperty> rates = List.of(new SimpleStringProperty(""), new SimpleStringProperty(""),
            new SimpleStringProperty(""), new SimpleStringProperty(""));
    private boolean applyingPeriod;
    private long generation;
    private Task<List<StatsService.Matter>> mattersTask;
    private Task<?> exportTask;
    private final ObjectProperty<YearMonth> firstMonth = new SimpleObjectProperty<>();

    private final StatsService stats;
    private final StationService stationService;
    private final HandlingService handling;
    private final OpinionQueries opinions;
    private final Supplier<ReceptionService> receptions;
    private final Supplier<ReportService> reports;
    private final Clock clock;

    /** {@code receptions} and {@code reports} are asked for only when used: the report library loads late. */
    public StatsViewModel(UiContext ui, StatsService stats, StationService stationService, HandlingService handling,
                          OpinionQueries opinions, Supplier<ReceptionService> receptions,
                          Supplier<ReportService> reports, Clock clock) {
        this.ui = ui;
        this.stats = stats;
        this.stationService = stationService;
        this.handling = handling;
        this.opinions = opinions;
        this.receptions = receptions;
        this.reports = reports;
        this.clock = clock;
        this.numbers = NumberFormat.getIntegerInstance(ui.messages().locale());
        this.monthFormat = DateTimeFormatter.ofPattern(ui.text("stats.month.pattern"), ui.messages().locale());
        for (Status s : Status.values()) {
            statuses.add(new XYChart.Series<>(ui.text("status." + s.code()), FXCollections.observableArrayList()));
        }
        period.addListener((o, was, is) -> applyPeriod(is));
        rateGroup.addListener((o, was, is) -> refresh());
        List<Observable> dates = List.of(from, to);
        dates.forEach(d -> d.addListener(o -> {
            if (!applyingPeriod) {
                period.set(Period.CUSTOM);
                refresh();
            }
        }));
        station.addListener(o -> refresh());
    }

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** null: every station. */
    public ObjectProperty<String> stationProperty() {
        return station;
    }

    /** Today, by the application's clock (file names of exports). */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public ObservableList<String> stations() {
        return stations;
    }

    public ReadOnlyBooleanProperty generalStationProperty() {
        return generalStation;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** Primary areas 1..6 and 未归类: count on X, the area's short name on Y. */
    public ObservableList<XYChart.Data<Number, String>> areas() {
        return areas;
    }

    /** The top sub-topics, largest on top. */
    public ObservableList<XYChart.Data<Number, String>> subtopics() {
        return subtopics;
    }

    public ObservableList<XYChart.Data<String, Number>> months() {
        return months;
    }

    public ObservableList<XYChart.Data<String, Number>> byStation() {
        return byStation;
    }

    public ObservableList<PieChart.Data> channels() {
        return channels;
    }

    /** One series per status in life order (录入 … 已办结), each with one bar segment. */
    public ObservableList<XYChart.Series<Number, String>> statuses() {
        return statuses;
    }

    public ObservableList<MatterRow> matters() {
        return matters;
    }

    /** The deputies' duty records (代表履职档案) of the year the period starts in (this year when open). */
    public ObservableList<DutyRecord> duty() {
        return duty;
    }

    public ReadOnlyStringProperty dutyTitleProperty() {
        return dutyTitle;
    }

    public ReadOnlyBooleanProperty mattersBusyProperty() {
        return mattersBusy;
    }

    public ReadOnlyStringProperty mattersStatusProperty() {
        return mattersStatus;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    /** One group's handling rates (a unit, an area or a station), for the table under the overall rates. */
    public record RateRow(String group, String cases, String closed, String onTime, String satisfaction,
                          String visit) {
    }

    private final javafx.beans.property.ObjectProperty<HandlingService.RateGroup> rateGroup =
            new javafx.beans.property.SimpleObjectProperty<>(HandlingService.RateGroup.UNIT);
    private final ObservableList<RateRow> groupRates = FXCollections.observableArrayList();

    /** How the table of rates groups: by main unit (default), by task area, by station. Changing it reloads. */
    public javafx.beans.property.ObjectProperty<HandlingService.RateGroup> rateGroupProperty() {
        return rateGroup;
    }

    /** The rates per group for the period and station chosen, in code order. */
    public ObservableList<RateRow> groupRates() {
        return groupRates;
    }

    public String rateGroupText(HandlingService.RateGroup g) {
        return g == null ? "" : ui.text("stats.rates.by." + g.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The handling rates 办结率, 按时办结率, 满意率, 回访率 in that order, as "85%" or "—" when nothing to count. */
    public List<? extends ReadOnlyStringProperty> rates() {
        return rates;
    }

    public String periodText(Period p) {
        return ui.text("stats.period." + p.name().toLowerCase(Locale.ROOT));
    }

    private void applyPeriod(Period p) {
        if (p == Period.CUSTOM) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate start = switch (p) {
            case MONTH -> today.withDayOfMonth(1);
            case QUARTER -> today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            case YEAR -> today.withDayOfYear(1);
            default -> null;
        };
        applyingPeriod = true;
        try {
            from.set(start);
            to.set(start == null ? null : today);
        } finally {
            applyingPeriod = false;
        }
        refresh();
    }

    /** The opinions the dashboard counts: live ones of the period and station chosen. */
    public OpinionFilter filter() {
        return OpinionFilter.ALL.withReceived(from.get(), to.get())
                .withStation(generalStation.get() ? station.get() : null);
    }

    /** Reloads the counts, and starts the largest matters again (cancelling a search still running). */
    public void refresh() {
        long request = ++generation;
        OpinionFilter f = filter();
        loading.set(true);
        ui.background().run(() -> {
            boolean general = stationService.current().map(Station::mode).orElse(StationMode.STATION)
                    == StationMode.GENERAL;
            int year = (f.receivedFrom() != null ? f.receivedFrom() : LocalDate.now(clock)).getYear();
            String station = general ? f.station() : null;
            HandlingService.RateGroup by = rateGroup.get();
            return new Loaded(general, stats.dashboard(general ? f : f.withStation(null)),
                    receptions.get().duty(year), year,
                    handling.rates(station, f.receivedFrom(), f.receivedTo()),
                    rateRows(handling.rates(station, f.receivedFrom(), f.receivedTo(), by), by));
        }, loaded -> {
            if (request != generation) {
                return;
            }
            loading.set(false);
            boolean modeChanged = generalStation.get() != loaded.general;
            generalStation.set(loaded.general);
            show(loaded.dashboard);
            showRates(loaded.rates);
            groupRates.setAll(loaded.groupRates);
            duty.setAll(loaded.duty);
            dutyTitle.set(ui.text("report.duty.title", loaded.year));
            if (modeChanged && loaded.general) {
                refresh();
            } else {
                findMatters(f);
            }
        }, error -> {
            if (request == generation) {
                loading.set(false);
            }
            ui.errors().report(error);
        });
        if (stations.isEmpty()) {
            ui.background().run(() -> opinions.stations(),
                    stations::setAll);
        }
    }

    private record Loaded(boolean general, StatsService.Dashboard dashboard, List<DutyRecord> duty, int year,
                          HandlingService.Rates rates, List<RateRow> groupRates) {
    }

    /** Runs in the background: a unit's name for its code, an area's name for its number. */
    private List<RateRow> rateRows(List<HandlingService.GroupCounts> groups, HandlingService.RateGroup by) {
        java.util.Map<String, String> units = new java.util.HashMap<>();
        if (by == HandlingService.RateGroup.UNIT) {
            handling.units().forEach(u -> units.put(u.code(), u.name()));
        }
        return groups.stream().map(g -> {
            HandlingService.Rates r = g.counts().rates();
            String name = switch (by) {
                case UNIT -> units.getOrDefault(g.group(), g.group());
                case AREA -> ui.text("area.short." + (g.group().equals("-") ? "none" : g.group()));
                case STATION -> g.group();
            };
            return new RateRow(name.equals("-") ? ui.text("handling.ui.rates.none") : name,
                    String.valueOf(g.counts().cases()), percent(r.closedRate()), percent(r.onTimeRate()),
                    percent(r.satisfactionRate()), percent(r.visitRate()));
        }).toList();
    }

    private String percent(Integer v) {
        return v == null ? ui.text("handling.ui.rates.none") : ui.text("handling.ui.rates.value", v);
    }

    private void showRates(HandlingService.Rates r) {
        List<Integer> values = java.util.Arrays.asList(r.closedRate(), r.onTimeRate(), r.satisfactionRate(),
                r.visitRate());
        for (int i = 0; i < rates.size(); i++) {
            Integer v = values.get(i);
            rates.get(i).set(v == null ? ui.text("handling.ui.rates.none") : ui.text("handling.ui.rates.value", v));
        }
    }

    private void show(StatsService.Dashboard d) {
        DashboardCounts c = d.counts();
        total.set(c.total());
        long closed = c.byStatus().getOrDefault(Status.CLOSED.code(), 0L);
        firstMonth.set(c.byMonth().isEmpty() ? null : YearMonth.parse(c.byMonth().keySet().iterator().next()));
        summary.set(ui.text("stats.summary", numbers.format(c.total()), numbers.format(closed),
                c.total() == 0 ? 0 : Math.round(100.0 * closed / c.total())));
        List<XYChart.Data<Number, String>> a = new ArrayList<>();
        // A horizontal bar chart draws its first category at the bottom: reversed, area 1 is on top.
        c.byArea().forEach((area, n) -> a.add(0, new XYChart.Data<>(n, ui.text("area.short." + area))));
        areas.setAll(a);
        List<XYChart.Data<Number, String>> s = new ArrayList<>();
        for (StatsService.SubtopicCount t : d.subtopics()) {
            s.add(0, new XYChart.Data<>(t.count(), t.id() + " " + shortened(t.wording(), LABEL_CHARS)));
        }
        subtopics.setAll(s);
        months.setAll(monthsShown(c.byMonth()).entrySet().stream().map(e -> new XYChart.Data<String, Number>(
                monthFormat.format(YearMonth.parse(e.getKey())), e.getValue())).toList());
        byStation.setAll(c.byStation().entrySet().stream().map(e -> new XYChart.Data<String, Number>(e.getKey(),
                e.getValue())).toList());
        channels.setAll(c.byChannel().entrySet().stream().map(e -> new PieChart.Data(
                ui.text("stats.channelShare", ui.text("channel." + e.getKey()), numbers.format(e.getValue())),
                e.getValue())).toList());
        int i = 0;
        for (Map.Entry<String, Long> e : c.byStatus().entrySet()) {
            statuses.get(i++).getData().setAll(List.of(new XYChart.Data<>(e.getValue(), ui.text("stats.progress"))));
        }
    }

    /**
     * Every month of the period chosen (or from the first to the last month with opinions), months without opinions
     * as zero: the chart never draws December 2025 beside December 2026 as if they were neighbours.
     */
    Map<String, Long> monthsShown(Map<String, Long> byMonth) {
        if (byMonth.isEmpty() && (from.get() == null || to.get() == null)) {
            return byMonth;
        }
        List<String> keys = List.copyOf(byMonth.keySet());
        YearMonth first = from.get() != null ? YearMonth.from(from.get()) : YearMonth.parse(keys.get(0));
        YearMonth last = to.get() != null ? YearMonth.from(to.get()) : YearMonth.parse(keys.get(keys.size() - 1));
        return ReportService.monthsFilled(byMonth, first, last);
    }

    private void findMatters(OpinionFilter f) {
        cancelMatters();
        mattersBusy.set(true);
        matters.clear();
        mattersStatus.set("");
        Task<List<StatsService.Matter>> task = new Task<>() {
            @Override
            protected List<StatsService.Matter> call() {
                return stats.largestMatters(f, MATTERS, this::isCancelled);
            }
        };
        mattersTask = task;
        ui.background().submit(task, found -> {
            if (task != mattersTask) {
                return;
            }
            mattersBusy.set(false);
            matters.setAll(found.stream().map(m -> new MatterRow(m.size(), String.join("、", m.stations()),
                    shortened(m.text().replace('\n', ' '), MATTER_CHARS))).toList());
            mattersStatus.set(found.isEmpty() ? ui.text("stats.matters.none") : "");
        }, error -> {
            if (task == mattersTask) {
                mattersBusy.set(false);
                ui.errors().report(error);
            }
        });
    }

    /** Stops the search for the largest matters; the table says so. */
    public void cancelMatters() {
        if (mattersTask != null && !mattersTask.isDone()) {
            mattersTask.cancel();
            mattersStatus.set(ui.text("stats.matters.cancelled"));
        }
        mattersTask = null;
        mattersBusy.set(false);
    }

    /** Writes the opinions of the dashboard's filter to {@code file} as .xlsx. */
    public void exportXlsx(Path file) {
        OpinionFilter f = filter();
        Task<Long> task = new Task<>() {
            @Override
            protected Long call() {
                return stats.exportXlsx(f, file, ui.messages(), ui.role(), this::isCancelled);
            }
        };
        exportTask = task;
        start(task, rows -> ui.text("stats.export.done", numbers.format(rows), file));
    }

    /** Stops an export still running; nothing is left half-written. */
    public void cancelExport() {
        if (exportTask != null && !exportTask.isDone()) {
            exportTask.cancel();
            exporting.set(false);
            status.set(ui.text("stats.export.cancelled"));
        }
    }

    /**
     * Writes the chart {@code chartId} (its title {@code title}) to {@code file} as a 1200×675 PNG drawn from the
     * dashboard's data, with the period and the station printed under the title.
     */
    public void savePng(String chartId, String title, Path file) {
        List<String> labels = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        boolean columns = false;
        switch (chartId) {
            case "stats-areas", "stats-subtopics" -> {
                List<XYChart.Data<Number, String>> bars = new ArrayList<>("stats-areas".equals(chartId) ? areas
                        : subtopics);
                java.util.Collections.reverse(bars);
                bars.forEach(d -> {
                    labels.add(d.getYValue());
                    values.add(d.getXValue().longValue());
                });
            }
            case "stats-months", "stats-stations" -> {
                columns = "stats-months".equals(chartId);
                ("stats-months".equals(chartId) ? months : byStation).forEach(d -> {
                    labels.add(d.getXValue());
                    values.add(d.getYValue().longValue());
                });
            }
            case "stats-channels" -> channels.forEach(d -> {
                labels.add(d.getName());
                values.add(Math.round(d.getPieValue()));
            });
            default -> statuses.forEach(series -> {
                labels.add(series.getName());
                values.add(series.getData().isEmpty() ? 0L : series.getData().get(0).getXValue().longValue());
            });
        }
        ChartPainter.Chart chart = new ChartPainter.Chart(title, chartSubtitle(), labels, values);
        boolean vertical = columns;
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() {
                byte[] png = vertical ? ChartPainter.columns(chart) : ChartPainter.bars(chart);
                return AtomicFile.write(file, out -> {
                    out.write(png);
                    return file;
                });
            }
        };
        start(task, saved -> ui.text("stats.chart.saved", saved));
    }

    /** The period and the station, as a saved chart or a report names them. */
    String chartSubtitle() {
        String dates = from.get() == null && to.get() == null ? periodText(Period.ALL)
                : ui.text("report.chart.dates", from.get() == null ? "…" : from.get(), to.get() == null ? "…" : to.get());
        String where = generalStation.get() && station.get() != null ? station.get()
                : stationService.current().map(Station::name).orElse("");
        return dates + " · " + where;
    }

    /**
     * The report period for the dashboard's choice: the month, quarter or year chosen, else the dates (the data's
     * first month up to today when open).
     */
    ReportPeriod reportPeriod() {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from.get();
        LocalDate t = to.get();
        return switch (period.get()) {
            case MONTH -> ReportPeriod.month(YearMonth.from(f));
            case QUARTER -> ReportPeriod.quarter(f.getYear(), (f.getMonthValue() - 1) / 3 + 1);
            case YEAR -> ReportPeriod.parse(Integer.toString(f.getYear()));
            default -> {
                LocalDate start = f != null ? f : firstMonth.get() != null ? firstMonth.get().atDay(1) : today;
                LocalDate end = t != null ? t : today;
                yield ReportPeriod.parse(start + ".." + (end.isBefore(start) ? start : end));
            }
        };
    }

    /** Writes the periodic report of the dashboard's period and station to {@code file} (.docx), with progress. */
    public void exportReport(Path file) {
        ReportPeriod p = reportPeriod();
        ReportService.Format format = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")
                ? ReportService.Format.PDF : ReportService.Format.DOCX;
        String code = generalStation.get() ? station.get() : null;
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() {
                return reports.get().write(p, code, file, format, new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                        updateMessage(ui.text("report.progress", done, total));
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        exportTask = task;
        task.messageProperty().addListener((o, was, is) -> {
            if (exporting.get() && is != null && !is.isEmpty()) {
                status.set(is);
            }
        });
        start(task, saved -> ui.text("report.saved", p.title(), saved));
    }

    private <T> void start(Task<T> task, Function<T, String> done) {
        exporting.set(true);
        status.set(ui.text("stats.working"));
        Consumer<T> onDone = result -> {
            exporting.set(false);
            status.set(done.apply(result));
        };
        ui.background().submit(task, onDone, error -> {
            exporting.set(false);
            if (task.isCancelled()) {
                return;
            }
            status.set(error instanceof UserFacingException u ? u.localized(ui.messages()) : "");
            ui.errors().report(error);
        });
    }

    private static String shortened(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
