package org.liaisondesk.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ExportService;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.generate.GeneratedOpinion;
import org.liaisondesk.generate.OpinionGenerator;
import org.liaisondesk.model.Channel;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
import org.liaisondesk.model.Status;
import org.liaisondesk.service.OpinionService;
import org.liaisondesk.tagging.Tagger;

/**
 * The benchmark suite behind {@code bench}: builds a database of synthetic opinions with the generator in a
 * folder of its own, then measures the program's hot paths, each after a warm-up and each beside a baseline of the
 * bare engine measured in the same run, so ratios hold on a noisy machine.
 */
public final class Benchmark {

    public static final long QUICK_COUNT = 100_000;
    public static final long FULL_COUNT = 1_000_000;

    static final double SAVE_RATIO_GOAL = 2.0;
    static final double IMPORT_RATIO_GOAL = 3.0;
    static final double EXPORT_RATIO_GOAL = 1.5;
    static final double TAG_PER_S_GOAL = 20_000;
    /** Suggestions refresh within 50 ms of a keystroke; the entry form waits 30 ms for typing to pause first. */
    static final double SUGGEST_MS_GOAL = 20;
    static final double HEAP_MB_GOAL = 256;
    static final double LIST_OPEN_MS_GOAL = 100;
    static final double STARTUP_RATIO_GOAL = 1.5;
    /** The dashboard's charts (every count of the period) for all opinions: 300 ms up to 100,000, 1 s beyond. */
    static final double DASHBOARD_MS_GOAL = 300;
    static final double DASHBOARD_MS_GOAL_1M = 1_000;
    /** The dashboard's largest matters: 1 s up to 100,000 opinions, 5 s at a million and beyond. */
    static final double LARGEST_MATTERS_MS_GOAL_100K = 1_000;
    static final double LARGEST_MATTERS_MS_GOAL_1M = 5_000;
    /** The opinion list's first rows as the window's list opens them, on a database just opened. */
    static final double LIST_FIRST_ROWS_MS_GOAL = 300;
    /** Closing the window: what it waits for before it goes (the exit backup is written after it). */
    static final double CLOSE_MS_GOAL = 1_000;
    /** The scale run: a general station's import must stream, whatever the number of opinions. */
    static final double SCALE_HEAP_MB_GOAL = 512;
    /** The stations of the scale run, each sending its opinions in batches of its own. */
    public static final int SCALE_STATIONS = 50;
    /** How many matters the dashboard lists (StatsViewModel.MATTERS). */
    private static final int MATTERS = 10;

    private static final long SEED = 20_240_501L;
    /** Opinions of the small run that warms up export and import before they are measured. */
    private static final long WARM_UP_COUNT = 2_000;
    private static final int PAGE_SIZE = 100;
    private static final String ACTOR = "bench";
    private static final String GENERAL_CODE = "HZ-000";
    private static final String GENERAL_NAME = "杭州市人大代表联络总站";

    /** Words a clerk searches for: 2 characters (the most common matches), 3, 4 and longer. */
    private static final List<String> SEARCH_QUERIES = List.of("养老", "噪音", "停车", "物业", "路灯", "垃圾分类",
            "加装电梯", "农村公路", "营商环境", "老旧小区改造", "公交站", "菜市场", "幼儿园", "医保报销");
    private static final int SEARCH_PAGE = 50;
    private static final int SEARCH_ROUNDS = 5;
    private static final int STARTUP_RUNS = 5;

    private final AppContext ctx;
    private final Consumer<String> progress;
    private final boolean window;

    /**
     * Measures on {@code ctx}, a fresh database in a folder of its own (which the run fills with scratch files;
     * the caller cleans up); {@code progress} hears the name of each step as it starts; {@code window} also starts
     * the window on this display ({@link WindowStartup}), else its figures stay pending.
     */
    public Benchmark(AppContext ctx, Consumer<String> progress, boolean window) {
        this.ctx = ctx;
        this.progress = progress;
        this.window = window;
    }

    /** The p95 search goal for a database of {@code opinions}: 50 ms up to 100,000, 100 ms beyond. */
    static double searchGoalMs(long opinions) {
        return opinions <= QUICK_COUNT ? 50 : 100;
    }

    /**
     * Generates {@code count} opinions, then runs every measurement. All opinions belong to this station, so its
     * export carries all of them in one batch, which a fresh general station then imports.
     */
    public BenchReport run(long count) {
        int rounds = count >= FULL_COUNT ? 400 : count >= QUICK_COUNT ? 200 : 20;
        Path dir = ctx.database().file().getParent();
        List<Figure> figures = new ArrayList<>();
        initializeStation(ctx);

        progress.accept("generate");
        long start = System.nanoTime();
        ctx.generator().generate(count, 1, SEED, ACTOR, done -> { });
        figures.add(Figure.info("generate_per_s", count / seconds(start), "per_s"));

        List<OpinionInput> inputs = inputs(rounds * 2 + 1_000);
        progress.accept("tag");
        figures.add(tagRate(ctx.tagging().tagger(), inputs));
        figures.add(suggestLatency(ctx.tagging().tagger(), inputs));

        progress.accept("list");
        figures.add(listOpen(rounds));

        progress.accept("search");
        figures.addAll(searchFigures(ctx, count));

        progress.accept("dashboard");
        figures.addAll(dashboard(ctx, count, true));
        figures.add(listFirstRows(ctx.database().file(), ctx));

        progress.accept("export");
        Exchange warmUp = warmUpExchange(dir.resolve("warm-up"));
        Exchange measured = exchange(ctx, dir.resolve("exchange"));
        figures.add(Figure.measured("export_per_s", measured.exportRate, "per_s", measured.bareExportRate, null,
                false));
        figures.add(Figure.measured("export_ratio", measured.bareExportRate / measured.exportRate, "ratio", null,
                EXPORT_RATIO_GOAL, true));
        figures.add(Figure.measured("import_per_s", measured.importRate, "per_s", measured.bareImportRate, null,
                false));
        figures.add(Figure.measured("import_ratio", measured.bareImportRate / measured.importRate, "ratio", null,
                IMPORT_RATIO_GOAL, true));
        // Below these no export or import can go while the schema stays as it is: the ratio goals are read against them.
        figures.add(Figure.info("export_floor_ratio", measured.exportFloorRatio, "ratio"));
        figures.add(Figure.info("import_floor_ratio", measured.importFloorRatio, "ratio"));
        figures.add(Figure.measured("heap_peak_mb", measured.heapLiveMb, "MB", null, HEAP_MB_GOAL, true));
        figures.add(Figure.info("heap_peak_raw_mb", measured.heapRawMb, "MB"));
        if (warmUp.opinions != WARM_UP_COUNT) {
            throw new IllegalStateException("warm-up exchange carried " + warmUp.opinions + " opinions");
        }

        // Saving last: the opinions it adds would otherwise be part of the exported batch.
        progress.accept("save");
        figures.addAll(save(ctx.opinionService(), inputs, rounds, dir.resolve("bare-save.db")));

        progress.accept("close");
        figures.addAll(close(ctx));

        progress.accept("startup");
        figures.add(commandLineStartup());
        if (window) {
            progress.accept("window");
            figures.addAll(new WindowStartup(dir).measure());
        } else {
            figures.add(Figure.pending("startup_ms", "ms", null, true, WindowStartup.NEEDS_DISPLAY));
            figures.add(Figure.pending("startup_ratio", "ratio", STARTUP_RATIO_GOAL, true,
                    WindowStartup.NEEDS_DISPLAY));
        }
        return new BenchReport(count, 1, Runtime.getRuntime().availableProcessors(), HeapWatch.maxHeapMb(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), figures);
    }

    /**
     * The dashboard as the window opens it on all opinions: its counts (charts), median of 5 after a warm-up; the
     * largest matters (one run after a warm-up on one month, as the window starts it; the warm-up is the first call,
     * which gives every opinion its stored group, reported as matters_grouping_ms); and, {@code withClusters}, the
     * {@code clusters} command over all opinions (it weighs every text in memory: left out of the scale run).
     */
    static List<Figure> dashboard(AppContext app, long count, boolean withClusters) {
        OpinionFilter month = OpinionFilter.ALL.withReceived(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31));
        app.stats().dashboard(month);
        Samples charts = new Samples(5);
        for (int i = 0; i < 6; i++) {
            long start = System.nanoTime();
            app.stats().dashboard(OpinionFilter.ALL);
            if (i > 0) {
                charts.add(System.nanoTime() - start);
            }
        }
        // The first call gives every opinion its stored group (V029): paid once, when the data has arrived.
        long start = System.nanoTime();
        app.stats().largestMatters(month, MATTERS, () -> false);
        double groupingMs = (System.nanoTime() - start) / 1e6;
        start = System.nanoTime();
        int matters = app.stats().largestMatters(OpinionFilter.ALL, MATTERS, () -> false).size();
        double mattersMs = (System.nanoTime() - start) / 1e6;
        if (matters == 0) {
            throw new IllegalStateException("no matters found: the data set is not what it should be");
        }
        List<Figure> out = new ArrayList<>(List.of(
                Figure.measured("dashboard_ms", charts.percentileMs(50), "ms", null, count <= QUICK_COUNT
                        ? DASHBOARD_MS_GOAL : DASHBOARD_MS_GOAL_1M, true),
                Figure.measured("largest_matters_ms", mattersMs, "ms", null, count <= QUICK_COUNT
                        ? LARGEST_MATTERS_MS_GOAL_100K : LARGEST_MATTERS_MS_GOAL_1M, true),
                Figure.info("matters_grouping_ms", groupingMs, "ms")));
        if (withClusters) {
            start = System.nanoTime();
            if (app.searchService().clusters(OpinionFilter.ALL, 2).isEmpty()) {
                throw new IllegalStateException("no clusters found: the data set is not what it should be");
            }
            out.add(Figure.info("clusters_ms", (System.nanoTime() - start) / 1e6, "ms"));
        }
        return out;
    }

    /**
     * The list as the window's list model first opens it, on the database opened afresh (cold connections): the
     * first page, newest first, with its total, and the stations for its filter (OpinionListViewModel.showPage).
     */
    static Figure listFirstRows(Path db, AppContext like) {
        try (AppContext fresh = AppContext.open(db, like.messages())) {
            long start = System.nanoTime();
            fresh.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, PAGE_SIZE);
            fresh.opinionQueries().stations();
            return Figure.measured("list_first_rows_ms", (System.nanoTime() - start) / 1e6, "ms", null,
                    LIST_FIRST_ROWS_MS_GOAL, true);
        }
    }

    /**
     * Closing the window: it waits for nothing but closing the database since the exit backup is written after it
     * has gone (AppWindow); the exit backup's own time is reported beside it.
     */
    private static List<Figure> close(AppContext app) {
        long start = System.nanoTime();
        app.backups().atExit(ACTOR);
        double backupMs = (System.nanoTime() - start) / 1e6;
        Path db = app.database().file();
        try (AppContext other = AppContext.open(db, app.messages())) {
            other.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, PAGE_SIZE);
            start = System.nanoTime();
            other.close();
        }
        double closeMs = (System.nanoTime() - start) / 1e6;
        return List.of(Figure.measured("close_ms", closeMs, "ms", null, CLOSE_MS_GOAL, true),
                Figure.info("exit_backup_ms", backupMs, "ms"));
    }

    private static void initializeStation(AppContext station) {
        Station own = OpinionGenerator.stations(1).get(0);
        station.stations().initialize(own.code(), own.name(), StationMode.STATION, ACTOR);
    }

    /**
     * What one export and import of a station's whole data measured.
     *
     * @param exportFloorRatio what the export must write besides its rows, over the bare export (see RawBaselines)
     * @param importFloorRatio the import's rows written into the program's schema, over the bare import
     */
    private record Exchange(long opinions, double exportRate, double bareExportRate, double exportFloorRatio,
                            double importRate, double bareImportRate, double importFloorRatio, double heapLiveMb,
                            double heapRawMb) {
    }

    /** The same exchange on a small station of its own, so the measured one runs compiled code. */
    private Exchange warmUpExchange(Path dir) {
        try (AppContext small = AppContext.open(dir.resolve("station.db"), ctx.messages())) {
            initializeStation(small);
            small.generator().generate(WARM_UP_COUNT, 1, SEED + 2, ACTOR, done -> { });
            return exchange(small, dir);
        }
    }

    /**
     * Exports everything {@code station} holds to one batch, imports it into a fresh general station, and does the
     * same work on bare tables: a SELECT streamed to JSON, a batched INSERT.
     */
    private static Exchange exchange(AppContext station, Path dir) {
        Path usb = dir.resolve("usb");
        try {
            Files.createDirectories(usb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExportService.Exported batch;
        double exportSeconds;
        double heapLive;
        double heapRaw;
        try (HeapWatch heap = new HeapWatch()) {
            long start = System.nanoTime();
            batch = station.exports().export(usb, ACTOR).orElseThrow(() -> new IllegalStateException(
                    "nothing to export"));
            exportSeconds = seconds(start);
            heapLive = heap.livePeakMb();
            heapRaw = heap.rawPeakMb();
        }
        long opinions = batch.header().count();
        double importSeconds;
        try (AppContext general = AppContext.open(dir.resolve("general.db"), station.messages());
             HeapWatch heap = new HeapWatch()) {
            general.stations().initialize(GENERAL_CODE, GENERAL_NAME, StationMode.GENERAL, ACTOR);
            long start = System.nanoTime();
            ImportService.FileResult result = general.imports().importFile(batch.file(), ACTOR);
            importSeconds = seconds(start);
            if (result.outcome() != ImportService.Outcome.IMPORTED) {
                throw new IllegalStateException("benchmark batch not imported: " + result.outcome());
            }
            heapLive = Math.max(heapLive, heap.livePeakMb());
            heapRaw = Math.max(heapRaw, heap.rawPeakMb());
        }
        Path db = station.database().file();
        long start = System.nanoTime();
        try (JsonGenerator g = station.json().getFactory().createGenerator(dir.resolve("bare-export.json").toFile(),
                JsonEncoding.UTF8)) {
            sameWork(opinions, RawBaselines.streamAsJson(db, g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("bare export baseline failed: " + e.getMessage(), e);
        }
        double bareExportSeconds = seconds(start);
        double bareImportSeconds = timedCopy(opinions, "bare import baseline",
                () -> RawBaselines.batchedInsert(db, dir.resolve("bare-import.db")));
        double floorImportSeconds = timedCopy(opinions, "import floor",
                () -> RawBaselines.importFloor(db, dir.resolve("floor-import.db")));
        double floorExportSeconds = bareExportSeconds + RawBaselines.exportBookkeepingSeconds(station.database());
        return new Exchange(opinions, opinions / exportSeconds, opinions / bareExportSeconds,
                floorExportSeconds / bareExportSeconds, opinions / importSeconds, opinions / bareImportSeconds,
                floorImportSeconds / bareImportSeconds, heapLive, heapRaw);
    }

    /** A copy of the station's rows by the bare engine; returns how many opinions it copied. */
    @FunctionalInterface
    private interface RawCopy {
        long run() throws SQLException;
    }

    /** Times {@code copy}, which must carry all {@code opinions}. */
    private static double timedCopy(long opinions, String what, RawCopy copy) {
        long start = System.nanoTime();
        try {
            sameWork(opinions, copy.run());
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
        return seconds(start);
    }

    /** Realistic inputs for saving and tagging, from a seed of their own so they differ from the stored ones. */
    private static List<OpinionInput> inputs(int n) {
        List<OpinionInput> out = new ArrayList<>(n);
        Iterator<GeneratedOpinion> it = new OpinionGenerator(SEED + 1, 1).iterator(n);
        it.forEachRemaining(g -> out.add(g.input()));
        return out;
    }

    private static Figure tagRate(Tagger tagger, List<OpinionInput> inputs) {
        int sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += tagger.suggest(inputs.get(i % inputs.size()).text()).size();
        }
        int n = 50_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += tagger.suggest(inputs.get(i % inputs.size()).text()).size();
        }
        double rate = n / seconds(start);
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the tagging from being optimised away");
        }
        return Figure.measured("tag_per_s", rate, "per_s", null, TAG_PER_S_GOAL, false);
    }

    /**
     * One suggestion for the text as it stands after each keystroke (every prefix of 200 opinions, a character at a
     * time), with the tagger the entry form uses: what the clerk waits for after the pause.
     */
    private static Figure suggestLatency(Tagger tagger, List<OpinionInput> inputs) {
        List<String> typed = new ArrayList<>();
        for (OpinionInput in : inputs.subList(0, Math.min(200, inputs.size()))) {
            for (int end = 1; end <= in.text().length(); end++) {
                typed.add(in.text().substring(0, end));
            }
        }
        Samples samples = new Samples(typed.size());
        int sink = 0;
        for (String t : typed) {
            long start = System.nanoTime();
            sink += tagger.suggest(t).size();
            samples.add(System.nanoTime() - start);
        }
        if (sink < 0) {
            throw new IllegalStateException("unreachable: keeps the tagging from being optimised away");
        }
        return Figure.measured("suggest_p95_ms", samples.percentileMs(95), "ms", null, SUGGEST_MS_GOAL, true);
    }

    /**
     * Saves through the program and into a bare table in turns, so both see the same disk at the same moments: an
     * fsync's cost on a shared machine changes from minute to minute.
     */
    private static List<Figure> save(OpinionService service, List<OpinionInput> inputs, int rounds, Path bareFile) {
        int warmUp = Math.max(10, rounds / 10);
        Samples program = new Samples(rounds);
        Samples bare = new Samples(rounds);
        try (RawBaselines.BareSave bareSave = new RawBaselines.BareSave(bareFile)) {
            for (int i = 0; i < warmUp + rounds; i++) {
                OpinionInput in = inputs.get(i);
                long start = System.nanoTime();
                service.record(in, ACTOR);
                long saved = System.nanoTime();
                bareSave.save(in.text());
                if (i >= warmUp) {
                    program.add(saved - start);
                    bare.add(System.nanoTime() - saved);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bare save baseline failed: " + e.getMessage(), e);
        }
        double p50 = program.percentileMs(50);
        double bareP50 = bare.percentileMs(50);
        return List.of(Figure.measured("save_ms_p50", p50, "ms", bareP50, null, true),
                Figure.measured("save_ratio", p50 / bareP50, "ratio", null, SAVE_RATIO_GOAL, true));
    }

    /** The list as the window opens it: first page with the total, newest first; then the clerk sorts by date. */
    private Figure listOpen(int rounds) {
        OpinionSort oldestFirst = new OpinionSort(OpinionSort.Field.RECEIVED_AT, true);
        int warmUp = 5;
        int n = Math.max(10, rounds / 10);
        Samples samples = new Samples(n);
        for (int i = 0; i < warmUp + n; i++) {
            long start = System.nanoTime();
            ctx.opinions().page(OpinionFilter.ALL, OpinionSort.NEWEST_FIRST, 0, PAGE_SIZE);
            ctx.opinions().page(OpinionFilter.ALL, oldestFirst, 0, PAGE_SIZE);
            if (i >= warmUp) {
                samples.add(System.nanoTime() - start);
            }
        }
        return Figure.measured("list_open_ms", samples.percentileMs(50), "ms", null, LIST_OPEN_MS_GOAL, true);
    }

    /**
     * The search box as the clerk uses it: the first page (50) of ranked results for 2-, 3- and 4-character (and
     * longer) words, common and rare, alone and with the list's filters; every query and filter combination is run
     * once to warm up, then {@value #SEARCH_ROUNDS} times measured.
     */
    static List<Figure> searchFigures(AppContext app, long count) {
        List<OpinionFilter> filters = List.of(OpinionFilter.ALL, OpinionFilter.ALL.withArea(4),
                OpinionFilter.ALL.withStatus(Status.RECORDED).withChannel(Channel.VISIT),
                OpinionFilter.ALL.withReceived(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30)));
        Samples samples = new Samples(SEARCH_QUERIES.size() * filters.size() * SEARCH_ROUNDS);
        long sink = 0;
        for (int round = -1; round < SEARCH_ROUNDS; round++) {
            for (String q : SEARCH_QUERIES) {
                for (OpinionFilter f : filters) {
                    long start = System.nanoTime();
                    sink += app.searchService().search(q, f, 0, SEARCH_PAGE).size();
                    if (round >= 0) {
                        samples.add(System.nanoTime() - start);
                    }
                }
            }
        }
        if (sink == 0) {
            throw new IllegalStateException("no search found anything: the data set is not what it should be");
        }
        return List.of(Figure.measured("search_p50_ms", samples.percentileMs(50), "ms", null, null, true),
                Figure.measured("search_p95_ms", samples.percentileMs(95), "ms", null, searchGoalMs(count), true));
    }

    /**
     * The command line's start-up: {@code --version} in a new JVM of this program's class path (the jar when run as
     * {@code java -jar}), median of {@value #STARTUP_RUNS} after one warm-up, beside an empty JVM
     * ({@code java -version}) started in turns with it.
     */
    private static Figure commandLineStartup() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> program = List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.liaisondesk.Launcher", "--version");
        List<String> empty = List.of(java, "-version");
        Samples programMs = new Samples(STARTUP_RUNS);
        Samples emptyMs = new Samples(STARTUP_RUNS);
        for (int i = 0; i <= STARTUP_RUNS; i++) {
            long p = timeProcess(program);
            long e = timeProcess(empty);
            if (i > 0) {
                programMs.add(p);
                emptyMs.add(e);
            }
        }
        return Figure.measured("startup_cli_ms", programMs.percentileMs(50), "ms", emptyMs.percentileMs(50), null,
                true);
    }

    /** Wall time of a process to its end, its output discarded. */
    private static long timeProcess(List<String> command) {
        long start = System.nanoTime();
        ChildProcess.run(command, null);
        return System.nanoTime() - start;
    }

    /** Deletes a folder and everything in it (the benchmark's scratch files). */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sameWork(long opinions, long bareRows) {
        if (bareRows != opinions) {
            throw new IllegalStateException("baseline handled " + bareRows + " rows, the program " + opinions);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
