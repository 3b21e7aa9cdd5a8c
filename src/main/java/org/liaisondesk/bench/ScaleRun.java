package org.liaisondesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.exchange.ImportService;
import org.liaisondesk.generate.OpinionGenerator;
import org.liaisondesk.model.HealthIssue;
import org.liaisondesk.model.Station;
import org.liaisondesk.model.StationMode;

/**
 * {@code bench --scale N}: a district's general station after years of batches. {@value Benchmark#SCALE_STATIONS}
 * stations each generate their share of N opinions in a database of their own and export it as one batch to a
 * shared folder (the station's database is deleted once its batch is written, so the disk holds the batches and
 * the general station only); a fresh general station then imports the whole folder, and the run measures what a
 * general station of that size does: database size, the import's time and heap, search, the dashboard, the largest
 * matters, the list's first rows, closing, and {@code check}.
 */
public final class ScaleRun {

    private static final String ACTOR = "bench";
    private static final long SEED = 20_240_601L;

    private final Path dir;
    private final AppContext general;
    private final Consumer<String> progress;
    private final Consumer<Figure> measured;
    private final List<Figure> figures = new ArrayList<>();

    /**
     * @param general  a fresh database in a folder of its own ({@code dir} takes the stations' scratch files)
     * @param progress hears each step's name as it starts
     * @param measured hears each figure as soon as it is measured (the run takes an hour at 5,000,000: what was
     *                 measured before an interruption is not lost)
     */
    public ScaleRun(AppContext general, Consumer<String> progress, Consumer<Figure> measured) {
        this.general = general;
        this.dir = general.database().file().getParent();
        this.progress = progress;
        this.measured = measured;
    }

    public BenchReport run(long count) {
        List<Station> stations = OpinionGenerator.stations(Benchmark.SCALE_STATIONS);
        Path batches = dir.resolve("batches");
        progress.accept("generate");
        long start = System.nanoTime();
        long made = generateAll(stations, count, batches);
        keep(Figure.info("generate_per_s", made / seconds(start), "per_s"));

        progress.accept("import");
        general.stations().initialize("HZ-000", "杭州市人大代表联络总站", StationMode.GENERAL, ACTOR);
        ImportService.Report report;
        double heapLive;
        try (HeapWatch heap = new HeapWatch()) {
            start = System.nanoTime();
            report = general.imports().importPaths(List.of(batches), ACTOR);
            double s = seconds(start);
            heapLive = heap.livePeakMb();
            keep(Figure.info("import_s", s, "s"));
            keep(Figure.info("import_per_s", made / s, "per_s"));
        }
        long imported = report.files().stream().filter(f -> f.outcome() == ImportService.Outcome.IMPORTED)
                .mapToLong(f -> f.counts().added()).sum();
        if (imported != made) {
            throw new IllegalStateException("scale run imported " + imported + " of " + made + " opinions");
        }
        keep(Figure.measured("heap_peak_mb", heapLive, "MB", null, Benchmark.SCALE_HEAP_MB_GOAL, true));
        keep(Figure.info("db_size_mb", sizeMb(general.database().file()), "MB"));

        progress.accept("search");
        keepAll(Benchmark.searchFigures(general, count));
        progress.accept("dashboard");
        keepAll(Benchmark.dashboard(general, count, false));
        keep(Benchmark.listFirstRows(general.database().file(), general));

        progress.accept("check");
        start = System.nanoTime();
        List<HealthIssue> issues = general.health().check();
        keep(Figure.info("check_ms", (System.nanoTime() - start) / 1e6, "ms"));
        if (!issues.isEmpty()) {
            throw new IllegalStateException("check found problems after the scale run: " + issues);
        }
        return new BenchReport(made, stations.size(), Runtime.getRuntime().availableProcessors(),
                HeapWatch.maxHeapMb(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                figures);
    }

    private void keep(Figure f) {
        measured.accept(f);
        figures.add(f);
    }

    private void keepAll(List<Figure> fs) {
        fs.forEach(this::keep);
    }

    /**
     * Every station's batch, a station per core at a time (each has a database of its own, as real stations do):
     * generating 5,000,000 opinions is most of the run's hour.
     */
    private long generateAll(List<Station> stations, long count, Path batches) {
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<Long>> made = new ArrayList<>();
            AtomicInteger done = new AtomicInteger();
            for (int i = 0; i < stations.size(); i++) {
                long share = count / stations.size() + (i < count % stations.size() ? 1 : 0);
                Station station = stations.get(i);
                long seed = SEED + i;
                made.add(pool.submit(() -> {
                    long n = stationBatch(station, share, seed, batches);
                    measured.accept(Figure.info("stations_generated", done.incrementAndGet(), "count"));
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> f : made) {
                total += f.get();
            }
            return total;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scale run interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** One station's opinions, generated in a database of its own and exported as one batch into {@code out}. */
    private long stationBatch(Station station, long share, long seed, Path out) {
        Path stationDir = dir.resolve("station-" + station.code());
        try {
            Files.createDirectories(out);
            try (AppContext st = AppContext.open(stationDir.resolve("station.db"), general.messages())) {
                st.stations().initialize(station.code(), station.name(), StationMode.STATION, ACTOR);
                st.generator().generate(share, 1, seed, ACTOR, done -> { });
                st.exports().export(out, ACTOR).orElseThrow(() -> new IllegalStateException("nothing to export"));
            }
            Benchmark.deleteRecursively(stationDir);
            return share;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double sizeMb(Path db) {
        long bytes = 0;
        for (String suffix : List.of("", "-wal")) {
            Path p = Path.of(db + suffix);
            try {
                bytes += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes / (1024.0 * 1024.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
