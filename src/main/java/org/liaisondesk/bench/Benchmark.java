package org.liaisondesk.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.generate.GeneratedOpinion;
import org.liaisondesk.generate.OpinionGenerator;
import org.liaisondesk.model.OpinionFilter;
import org.liaisondesk.model.OpinionInput;
import org.liaisondesk.model.OpinionSort;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;
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
    static final double HEAP_MB_GOAL = 256;
    static final double LIST_OPEN_MS_GOAL = 100;
    static final double STARTUP_RATIO_GOAL = 1.5;

    private static final long SEED = 20_240_501L;
    /** Opinions per station: a station collects a few thousand a year, the data spans three years. */
    private static final long OPINIONS_PER_STATION = 10_000;
    private static final int MAX_STATIONS = 100;
    private static final int PAGE_SIZE = 100;
    private static final String ACTOR = "bench";

    private final AppContext ctx;
    private final Consumer<String> progress;

    /**
     * Measures on {@code ctx}, a fresh database in a folder of its own (which the run fills with scratch files;
     * the caller cleans up); {@code progress} hears the name of each step as it starts.
     */
    public Benchmark(AppContext ctx, Consumer<String> progress) {
        this.ctx = ctx;
        this.progress = progress;
    }

    /** The p95 search goal for a database of {@code opinions}: 50 ms up to 100,000, 100 ms beyond. */
    static double searchGoalMs(long opinions) {
        return opinions <= QUICK_COUNT ? 50 : 100;
    }

    /** Generates {@code count} opinions, then runs every measurement. */
    public BenchReport run(long count) {
        int stationCount = (int) Math.max(1, Math.min(MAX_STATIONS, count / OPINIONS_PER_STATION));
        int rounds = count >= FULL_COUNT ? 400 : count >= QUICK_COUNT ? 200 : 20;
        Path dbFile = ctx.database().file();
        Path dir = dbFile.getParent();
        List<Figure> figures = new ArrayList<>();
        Station own = OpinionGenerator.stations(1).get(0);
        ctx.stations().initialize(own.code(), own.name(), StationMode.STATION, ACTOR);

        progress.accept("generate");
        long start = System.nanoTime();
        ctx.generator().generate(count, stationCount, SEED, ACTOR, done -> { });
        figures.add(Figure.info("generate_per_s", count / seconds(start), "per_s"));

        List<OpinionInput> inputs = inputs(rounds * 2 + 1_000);
        progress.accept("tag");
        figures.add(tagRate(ctx.tagging().tagger(), inputs));

        progress.accept("save");
        figures.addAll(save(ctx.opinionService(), inputs, rounds, dir.resolve("bare-save.db")));

        progress.accept("list");
        figures.add(listOpen(rounds));

        progress.accept("search");
        figures.add(Figure.pending("search_p50_ms", "ms", null, true, "search"));
        figures.add(Figure.pending("search_p95_ms", "ms", searchGoalMs(count), true, "search"));

        progress.accept("export");
        figures.addAll(exportFigures(dbFile, dir));
        progress.accept("import");
        figures.addAll(importFigures(dbFile, dir));
        figures.add(Figure.pending("heap_peak_mb", "MB", HEAP_MB_GOAL, true, "exchange"));
        figures.add(Figure.pending("startup_ms", "ms", null, true, "window"));
        figures.add(Figure.pending("startup_ratio", "ratio", STARTUP_RATIO_GOAL, true, "window"));
        return new BenchReport(count, stationCount, Runtime.getRuntime().availableProcessors(),
                HeapWatch.maxHeapMb(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                figures);
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

    private static List<Figure> save(OpinionService service, List<OpinionInput> inputs, int rounds, Path bareFile) {
        int warmUp = Math.max(10, rounds / 10);
        Samples program = new Samples(rounds);
        for (int i = 0; i < warmUp + rounds; i++) {
            OpinionInput in = inputs.get(i);
            long start = System.nanoTime();
            service.record(in, ACTOR);
            if (i >= warmUp) {
                program.add(System.nanoTime() - start);
            }
        }
        Samples bare;
        try {
            bare = RawBaselines.singleInsertCommit(bareFile, inputs.get(0).text(), warmUp, rounds);
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

    private List<Figure> exportFigures(Path dbFile, Path dir) {
        long start = System.nanoTime();
        long rows;
        try (JsonGenerator g = ctx.json().getFactory().createGenerator(
                dir.resolve("bare-export.json").toFile(), JsonEncoding.UTF8)) {
            rows = RawBaselines.streamAsJson(dbFile, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("bare export baseline failed: " + e.getMessage(), e);
        }
        double baseline = rows / seconds(start);
        return List.of(new Figure("export_per_s", null, "per_s", baseline, null, false, "exchange"),
                Figure.pending("export_ratio", "ratio", EXPORT_RATIO_GOAL, true, "exchange"));
    }

    private List<Figure> importFigures(Path dbFile, Path dir) {
        long start = System.nanoTime();
        long rows;
        try {
            rows = RawBaselines.batchedInsert(dbFile, dir.resolve("bare-import.db"));
        } catch (SQLException e) {
            throw new IllegalStateException("bare import baseline failed: " + e.getMessage(), e);
        }
        double baseline = rows / seconds(start);
        return List.of(new Figure("import_per_s", null, "per_s", baseline, null, false, "exchange"),
                Figure.pending("import_ratio", "ratio", IMPORT_RATIO_GOAL, true, "exchange"));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
