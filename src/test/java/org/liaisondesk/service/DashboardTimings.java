package org.liaisondesk.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;
import org.liaisondesk.app.AppContext;
import org.liaisondesk.i18n.Messages;
import org.liaisondesk.model.OpinionFilter;

/**
 * Prints how long the dashboard's work takes on a database (no assertion; a figure to read):
 * {@code java -cp target/liaison-desk.jar:target/test-classes org.liaisondesk.service.DashboardTimings /tmp/100k.db}
 * after {@code generate --count 100000}. Each figure is the best of three runs after one warm-up.
 */
public final class DashboardTimings {

    private DashboardTimings() {
    }

    public static void main(String[] args) throws Exception {
        try (AppContext app = AppContext.open(Path.of(args[0]), Messages.forLanguage("zh"))) {
            String station = app.opinions().stats().byStation().keySet().iterator().next();
            OpinionFilter year = OpinionFilter.ALL.withReceived(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
            OpinionFilter month = OpinionFilter.ALL.withReceived(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31));
            Map<String, OpinionFilter> filters = Map.of("all", OpinionFilter.ALL, "year 2024", year,
                    "station " + station, OpinionFilter.ALL.withStation(station), "May 2024", month);
            System.out.printf("opinions: %d%n", app.opinions().count(OpinionFilter.ALL));
            filters.forEach((name, f) -> time("dashboard counts, " + name, () -> app.stats().dashboard(f)
                    .counts().total()));
            Path out = Files.createTempFile("dashboard-timings", ".xlsx");
            time("export-xlsx, all", () -> app.stats().exportXlsx(OpinionFilter.ALL, out, app.messages(), () -> false));
            System.out.printf("xlsx size: %d KiB%n", Files.size(out) / 1024);
            Files.delete(out);
            // Slow (similarity of every pair of texts): the dashboard runs it as a cancellable task of its own.
            time("largest matters, May 2024", () -> app.stats().largestMatters(month, 10, () -> false).size());
        }
    }

    private static void time(String what, Supplier<Object> work) {
        Object result = work.get();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            result = work.get();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("%-40s %8.1f ms  (%s)%n", what, best / 1e6, result);
    }
}
